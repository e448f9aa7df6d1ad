using Leerkluis.Web;
using Leerkluis.Web.Features;
using Leerkluis.Web.Features.Vault.Retention;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Crypto;
using Leerkluis.Web.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leerkluis.Tests.Vault.Medical;

/// <summary>`leerkluis rotate-master-key` and the start-up check, against a SQLite file with configured master keys.</summary>
public sealed class MasterKeyCliTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("leerkluis-rotate-");
    private readonly string _k1 = Convert.ToBase64String(SealedBox.NewKey());
    private readonly string _k2 = Convert.ToBase64String(SealedBox.NewKey());
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string[] Args(params (string Id, string Key)[] keys)
    {
        var args = new List<string> { "--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={_folder.FullName}/lk.db;Pooling=false", "--Jobs:Enabled=false" };
        for (var i = 0; i < keys.Length; i++)
        {
            args.Add($"--Crypto:MasterKeys:{i}:Id={keys[i].Id}");
            args.Add($"--Crypto:MasterKeys:{i}:Key={keys[i].Key}");
        }
        args.Add($"--Crypto:ActiveMasterKeyId={keys[^1].Id}");
        return [.. args];
    }

    [Fact]
    public async Task RotateMasterKey_NewActiveKey_RewrapsEveryLearnerKeyAndDataStillOpens()
    {
        var learners = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToList();
        var sealedValues = new Dictionary<Guid, byte[]>();
        await using (var app = await CliHost.BuildAsync(Args(("k1", _k1))))
        await using (var scope = app.SystemScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<LearnerKeys>();
            foreach (var l in learners) sealedValues[l] = await keys.SealAsync(l, "Test.Field", $"waarde van {l}", Ct);
            await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().SaveChangesAsync(Ct);
        }

        Assert.Equal(0, await VaultCli.RotateMasterKeyAsync(Args(("k1", _k1), ("k2", _k2)), Ct));

        // Only the new key configured: every learner key is wrapped by it, and the data (not re-encrypted) opens.
        await using (var app = await CliHost.BuildAsync(Args(("k2", _k2))))
        await using (var scope = app.SystemScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<LearnerKey>().AsNoTracking().ToListAsync(Ct);
            Assert.Equal(3, rows.Count);
            Assert.All(rows, r => Assert.Equal("k2", r.MasterKeyId));
            var keys = scope.ServiceProvider.GetRequiredService<LearnerKeys>();
            foreach (var l in learners) Assert.Equal($"waarde van {l}", await keys.OpenAsync(l, "Test.Field", sealedValues[l], Ct));
        }

        // The retired key alone no longer opens anything, and says which key is missing.
        await using (var app = await CliHost.BuildAsync(Args(("k1", _k1))))
        await using (var scope = app.SystemScope())
        {
            var e = await Assert.ThrowsAsync<CryptoConfigurationException>(() => scope.ServiceProvider.GetRequiredService<LearnerKeys>().OpenAsync(learners[0], "Test.Field", sealedValues[learners[0]], Ct));
            Assert.Contains("'k2'", e.Message);
        }

        // A second run has nothing left to do.
        Assert.Equal(0, await VaultCli.RotateMasterKeyAsync(Args(("k1", _k1), ("k2", _k2)), Ct));
    }

    [Fact]
    public async Task Start_ProductionWithoutMasterKey_FailsWithInstructions()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            Args = ["--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={_folder.FullName}/start.db;Pooling=false", "--Jobs:Enabled=false", "--urls=http://127.0.0.1:0"],
        });
        builder.Logging.ClearProviders();
        builder.AddPlatform();
        builder.Services.AddFeatures(builder.Configuration);
        await using var app = builder.Build();
        var e = await Assert.ThrowsAsync<CryptoConfigurationException>(() => app.StartAsync(Ct));
        Assert.Contains("No master key configured", e.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
