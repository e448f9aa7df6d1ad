using Leerkluis.Web.Features.Demo;
using Leerkluis.Web.Platform;

namespace Leerkluis.Web;

/// <summary>
/// Command-line entry points of the one binary: `leerkluis serve` starts the web host (the default);
/// tools such as import-edexml and seed-demo run here and exit.
/// </summary>
public static class Cli
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve") return false;
        var command = args[0];
        var rest = args[1..];
        Environment.ExitCode = command switch
        {
            "audit-verify" => await AuditVerifyAsync(rest),
            "audit-checkpoint" => await AuditCheckpointAsync(rest),
            "seed-demo" => await DemoCli.RunAsync(rest),
            "import-edexml" => await Features.Registry.Edexml.EdexmlCli.RunAsync(rest),
            _ => await Unknown(command),
        };
        return true;
    }

    /// <summary>
    /// Checks every learner's audit chain against itself, its live head and the last checkpoint; exits 1 naming the
    /// first entry that was altered or removed (also a removed tail or a whole chain removed after a checkpoint).
    /// </summary>
    private static async Task<int> AuditVerifyAsync(string[] args)
    {
        await using var app = await Platform.CliHost.BuildAsync(args);
        await using var scope = app.SystemScope();
        var audit = scope.ServiceProvider.GetRequiredService<Platform.Audit.AuditLog>();
        var problem = await audit.VerifyAsync();
        if (problem is null)
        {
            Console.WriteLine("audit: every chain is intact");
            return 0;
        }
        Console.WriteLine($"audit: BROKEN: {problem}");
        return 1;
    }

    /// <summary>Writes today's checkpoint of every chain head now (the daily job does this at 02:30); safe to run twice.</summary>
    private static async Task<int> AuditCheckpointAsync(string[] args)
    {
        await using var app = await Platform.CliHost.BuildAsync(args);
        await using var scope = app.SystemScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var job = scope.ServiceProvider.GetRequiredService<Platform.Audit.AuditCheckpointJob>();
        Console.WriteLine("audit: " + await job.RunAsync(Platform.Time.Amsterdam.Today(clock), CancellationToken.None));
        return 0;
    }

    private static Task<int> Unknown(string command)
    {
        Console.Error.WriteLine($"Unknown command '{command}'.");
        return Task.FromResult(2);
    }
}
