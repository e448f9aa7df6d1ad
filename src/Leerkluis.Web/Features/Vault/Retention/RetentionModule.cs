using Leerkluis.Web.Platform.Jobs;

namespace Leerkluis.Web.Features.Vault.Retention;

public static class RetentionModule
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.Configure<RetentionOptions>(o => o.KeepRegistryDefaults());
        services.AddScoped<EraseLearner>();
        services.AddScoped<LegalHolds>();
        services.AddDailyJob<RetentionJob>();
        return services;
    }
}
