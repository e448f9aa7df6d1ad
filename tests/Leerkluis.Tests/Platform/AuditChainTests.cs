using System.Diagnostics;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Platform;

public sealed class AuditChainSqliteTests(SqliteApp app) : AuditChainTests<SqliteApp>(app);
public sealed class AuditChainPostgresTests(PostgresApp app) : AuditChainTests<PostgresApp>(app);

/// <summary>The audit chain per learner: intact after real reads, and `audit-verify` names an altered or removed row.</summary>
public abstract class AuditChainTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    [Fact]
    public async Task AuditVerify_AlteredThenRemovedEntry_FailsNamingIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await App.LoginAsync(W.AdminA);
        for (var i = 0; i < 3; i++) await admin.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.LearnerA.Id}", ct);

        var (code, output) = await RunCliAsync("audit-verify");
        Assert.True(code == 0, output);
        Assert.Contains("intact", output);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var learner = W.LearnerA.Id;
        var count = await db.AuditEntries.CountAsync(a => a.LearnerId == learner, ct);
        Assert.True(count >= 6, $"expected several entries, found {count}");

        await db.AuditEntries.Where(a => a.LearnerId == learner && a.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClientAddress, "10.9.9.9"), ct);
        (code, output) = await RunCliAsync("audit-verify");
        Assert.Equal(1, code);
        Assert.Contains($"learner {learner}: entry 2 was altered", output);

        // Put it back by hand is impossible without the hash; removing the row instead is detected as a gap.
        await db.AuditEntries.Where(a => a.LearnerId == learner && a.Sequence == 2).ExecuteDeleteAsync(ct);
        (code, output) = await RunCliAsync("audit-verify");
        Assert.Equal(1, code);
        Assert.Contains($"learner {learner}: entry 2 is missing", output);
    }

    private async Task<(int Code, string Output)> RunCliAsync(string command)
    {
        var dll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", [dll, command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["Database__Provider"] = App.Database.Provider;
        psi.Environment["Database__ConnectionString"] = App.Database.ConnectionString;
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output);
    }
}
