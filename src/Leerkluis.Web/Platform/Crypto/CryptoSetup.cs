using Microsoft.Extensions.Options;

namespace Leerkluis.Web.Platform.Crypto;

public static class CryptoSetup
{
    public static IServiceCollection AddCrypto(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<CryptoOptions>(config.GetSection("Crypto"));
        // Loaded on first use (tools that never seal anything need no key), and at the web host's start below.
        services.AddSingleton(sp => MasterKeyRing.Load(sp.GetRequiredService<IOptions<CryptoOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<MasterKeyRing>()));
        services.AddScoped<LearnerKeys>();
        services.AddHostedService<MasterKeyStartupCheck>();
        return services;
    }
}

/// <summary>Makes the web host fail at start, with the configuration message, when the master keys are missing or wrong.</summary>
internal sealed class MasterKeyStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<MasterKeyRing>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
