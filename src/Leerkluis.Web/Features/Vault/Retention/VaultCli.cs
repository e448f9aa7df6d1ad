using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Crypto;
using Leerkluis.Web.Platform.Errors;

namespace Leerkluis.Web.Features.Vault.Retention;

/// <summary>Operator commands for the vault's keys and retention: rotate-master-key, legal-hold.</summary>
public static class VaultCli
{
    /// <summary>
    /// `rotate-master-key`: re-wraps every learner key with Crypto:ActiveMasterKeyId. Configure the new key next to the
    /// old one, make it active, run this, then remove the old key (docs/operations.md).
    /// </summary>
    public static async Task<int> RotateMasterKeyAsync(string[] args, CancellationToken ct = default)
    {
        await using var app = await CliHost.BuildAsync(args);
        await using var scope = app.SystemScope();
        try
        {
            var ring = scope.ServiceProvider.GetRequiredService<MasterKeyRing>();
            var count = await scope.ServiceProvider.GetRequiredService<LearnerKeys>().RotateAsync(ct: ct);
            Console.WriteLine($"rotate-master-key: {count} learner keys re-wrapped with master key '{ring.ActiveId}'; every learner key now uses it");
            return 0;
        }
        catch (CryptoConfigurationException e)
        {
            Console.Error.WriteLine($"rotate-master-key: {e.Message}");
            return 1;
        }
    }

    /// <summary>`legal-hold LEARNER-ID --reason TEXT` sets a hold; `legal-hold LEARNER-ID --lift` lifts it.</summary>
    public static async Task<int> LegalHoldAsync(string[] args, CancellationToken ct = default)
    {
        var reasonAt = Array.IndexOf(args, "--reason");
        var lift = args.Contains("--lift");
        if (args.Length == 0 || !Guid.TryParse(args[0], out var learnerId) || (!lift && (reasonAt < 0 || reasonAt + 1 >= args.Length)))
        {
            Console.Error.WriteLine("Gebruik: leerkluis legal-hold LEERLING-ID --reason \"reden\"   of   leerkluis legal-hold LEERLING-ID --lift");
            return 2;
        }
        await using var app = await CliHost.BuildAsync(args);
        await using var scope = app.SystemScope();
        var holds = scope.ServiceProvider.GetRequiredService<LegalHolds>();
        try
        {
            if (lift)
            {
                Console.WriteLine(await holds.LiftAsync(learnerId, ct) ? "legal-hold: lifted" : "legal-hold: there was no hold");
                return 0;
            }
            await holds.SetAsync(learnerId, args[reasonAt + 1], ct);
            Console.WriteLine("legal-hold: set; the retention job erases nothing of this learner until it is lifted");
            return 0;
        }
        catch (Platform.Audit.NotFoundException)
        {
            Console.Error.WriteLine("legal-hold: no learner with this id");
            return 1;
        }
        catch (ValidationFailedException e)
        {
            Console.Error.WriteLine("legal-hold: " + string.Join(" ", e.Errors.SelectMany(x => x.Value)));
            return 2;
        }
    }
}
