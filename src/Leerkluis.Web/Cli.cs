using Leerkluis.Web.Platform;

namespace Leerkluis.Web;

/// <summary>
/// Command-line entry points of the one binary: `leerkluis serve` starts the web host (the default);
/// tools such as import-edexml and audit-verify run here and exit (seed-demo lives in Leerkluis.Demo, which the web app does not load).
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
            "run-job" => await RunJobAsync(rest),
            "audit-checkpoint" => await AuditCheckpointAsync(rest),
            "import-edexml" => await Features.Registry.Edexml.EdexmlCli.RunAsync(rest),
            "rotate-master-key" => await Features.Vault.Retention.VaultCli.RotateMasterKeyAsync(rest),
            "legal-hold" => await Features.Vault.Retention.VaultCli.LegalHoldAsync(rest),
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
        await using var app = await CliHost.BuildAsync(args);
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

    /// <summary>`run-job NAME [--day yyyy-MM-dd] [--force]`: runs a daily job now (an operator's catch-up or a test).</summary>
    private static async Task<int> RunJobAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("Gebruik: leerkluis run-job NAAM [--day jjjj-mm-dd] [--force]");
            return 2;
        }
        await using var app = await CliHost.BuildAsync(args);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var day = Platform.Time.Amsterdam.Today(clock);
        var dayAt = Array.IndexOf(args, "--day");
        if (dayAt >= 0 && (dayAt + 1 >= args.Length || !DateOnly.TryParseExact(args[dayAt + 1], "yyyy-MM-dd", out day)))
        {
            Console.Error.WriteLine("--day verwacht een datum als jjjj-mm-dd.");
            return 2;
        }
        try
        {
            var outcome = await Platform.Jobs.DailyJobRunner.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, args[0], day,
                force: args.Contains("--force"), CancellationToken.None);
            Console.WriteLine(outcome is null ? $"{args[0]}: already ran for {day:yyyy-MM-dd} (use --force to run again)" : $"{args[0]}: {outcome}");
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    /// <summary>Writes today's checkpoint of every chain head now (the daily job runner does this each night); safe to run twice.</summary>
    private static async Task<int> AuditCheckpointAsync(string[] args)
    {
        await using var app = await CliHost.BuildAsync(args);
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
