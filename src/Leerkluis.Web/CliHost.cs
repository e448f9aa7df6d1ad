using Leerkluis.Web.Features;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;

namespace Leerkluis.Web;

/// <summary>
/// The service provider for command-line tools: the same configuration and registrations as the web host
/// (appsettings, environment, Database__* variables), migrated, acting as the system. It sits beside Program and Cli,
/// in the composition root, because it names the features; the kernel does not (ADR 0011).
/// </summary>
public static class CliHost
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray() });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPlatform();
        builder.Services.AddFeatures(builder.Configuration);
        var app = builder.Build();
        await DatabaseSetup.MigrateAsync(app.Services);
        return app;
    }

    /// <summary>A scope whose current actor is the system (tools are run by the operator on the server).</summary>
    public static AsyncServiceScope SystemScope(this WebApplication app)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System());
        return scope;
    }
}
