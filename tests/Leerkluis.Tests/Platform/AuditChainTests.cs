using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Platform;

public sealed class AuditChainSqliteTests(SqliteApp app) : AuditChainTests<SqliteApp>(app);
public sealed class AuditChainPostgresTests(PostgresApp app) : AuditChainTests<PostgresApp>(app);
// Each tampering scenario breaks its database for good, so each has its own class (one database per class).
public sealed class AuditAlteredSqliteTests(SqliteApp app) : AuditAlteredTests<SqliteApp>(app);
public sealed class AuditAlteredPostgresTests(PostgresApp app) : AuditAlteredTests<PostgresApp>(app);
public sealed class AuditTailRemovedSqliteTests(SqliteApp app) : AuditTailRemovedTests<SqliteApp>(app);
public sealed class AuditTailRemovedPostgresTests(PostgresApp app) : AuditTailRemovedTests<PostgresApp>(app);
public sealed class AuditChainRemovedSqliteTests(SqliteApp app) : AuditChainRemovedTests<SqliteApp>(app);
public sealed class AuditChainRemovedPostgresTests(PostgresApp app) : AuditChainRemovedTests<PostgresApp>(app);

/// <summary>
/// The shared commit of read audit entries: when one request's entry cannot be written (here a value PostgreSQL
/// refuses as too long; SQLite would store it), the others are still committed and only that request fails.
/// </summary>
public sealed class AuditReadCommitterPostgresTests(PostgresApp app) : AuditTestBase<PostgresApp>(app)
{
    [Fact]
    public async Task SharedCommit_OneBadEntry_OthersCommittedAndOnlyThatRequestFails()
    {
        var committer = App.Services.GetRequiredService<AuditReadCommitter>();
        var before = await CountAsync(W.LearnerA.Id);
        AuditEntry Entry(string action) => new()
        {
            LearnerId = W.LearnerA.Id, AtUtc = new DateTime(2026, 11, 23, 7, 30, 0, DateTimeKind.Utc), ActorRole = "Teacher",
            Section = Leerkluis.Web.Platform.Access.Section.Absence, Operation = Leerkluis.Web.Platform.Access.Operation.Read,
            Allowed = true, Action = action, PreviousHash = "", Hash = "",
        };
        var good = new TaskCompletionSource();
        var bad = new TaskCompletionSource();
        var alsoGood = new TaskCompletionSource();

        await committer.CommitTogetherAsync([([Entry("roll-call-view")], good), ([Entry(new string('x', 200))], bad), ([Entry("absences")], alsoGood)]);

        Assert.True(good.Task.IsCompletedSuccessfully);
        Assert.True(alsoGood.Task.IsCompletedSuccessfully);
        Assert.True(bad.Task.IsFaulted);
        Assert.Equal(before + 2, await CountAsync(W.LearnerA.Id));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(Ct));
    }
}

/// <summary>
/// The audit chain per learner: intact after real (and concurrent) reads, and `audit-verify` names an altered or
/// removed row, a removed tail and a removed chain after a checkpoint.
/// </summary>
public abstract class AuditChainTests<TApp>(TApp app) : AuditTestBase<TApp>(app) where TApp : LeerkluisApp
{
    [Fact]
    public async Task CardReads_ConcurrentForOneLearner_AllSucceedAndChainVerifies()
    {
        var clients = new[] { await App.LoginAsync(W.AdminA), await App.LoginAsync(W.AdminA), await App.LoginAsync(W.CareA), await App.LoginAsync(W.TeacherA) };
        var before = await CountAsync(W.LearnerA.Id);

        // 4 clients × 10 requests, all at once, for the same learner: they race for the same chain head.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => clients[i % clients.Length].GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var written = await CountAsync(W.LearnerA.Id) - before;
        Assert.True(written >= 40 * 4, $"every read writes its entries; found {written}");
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(Ct));
        var (code, output) = await RunCliAsync("audit-verify");
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task CheckpointJob_RunTwiceOnOneDay_WritesOneCheckpoint()
    {
        var admin = await App.LoginAsync(W.AdminA);
        await admin.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.LearnerA.Id}", Ct);
        var day = new DateOnly(2030, 1, 2);
        await using var scope = App.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<AuditCheckpointJob>();
        var first = await job.RunAsync(day, Ct);
        var second = await job.RunAsync(day, Ct);
        Assert.Contains("chains", first);
        Assert.Contains("exists", second);
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        Assert.Equal(1, await db.Set<AuditCheckpoint>().CountAsync(c => c.Day == day, Ct));
    }
}

public abstract class AuditTestBase<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<DateOnly> CheckpointAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var day = Amsterdam.Today(TimeProvider.System);
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        // Each test class has its own database; a checkpoint from an earlier test of the class is replaced.
        await db.Set<AuditCheckpoint>().Where(c => c.Day == day).ExecuteDeleteAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<AuditCheckpointJob>().RunAsync(day, Ct);
        return day;
    }

    protected async Task<long> CountAsync(Guid learnerId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().AuditEntries.LongCountAsync(a => a.LearnerId == learnerId, Ct);
    }

    protected async Task<(int Code, string Output)> RunCliAsync(string command)
    {
        var dll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", [dll, command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["Database__Provider"] = App.Database.Provider;
        psi.Environment["Database__ConnectionString"] = App.Database.ConnectionString;
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, output);
    }
}

public abstract class AuditAlteredTests<TApp>(TApp app) : AuditTestBase<TApp>(app) where TApp : LeerkluisApp
{
    [Fact]
    public async Task AuditVerify_AlteredThenRemovedEntry_FailsNamingIt()
    {
        var ct = Ct;
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
}

public abstract class AuditTailRemovedTests<TApp>(TApp app) : AuditTestBase<TApp>(app) where TApp : LeerkluisApp
{
    [Fact]
    public async Task AuditVerify_TailRemovedAfterCheckpoint_FailsNamingFirstMissingEntry()
    {
        var admin = await App.LoginAsync(W.AdminA);
        for (var i = 0; i < 2; i++) await admin.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.LearnerA7.Id}", Ct);
        var day = await CheckpointAsync();
        var learner = W.LearnerA7.Id;
        var count = await CountAsync(learner);

        // The tail (last two entries) and the live head are rewound, as someone covering their tracks would.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var keep = await db.AuditEntries.SingleAsync(a => a.LearnerId == learner && a.Sequence == count - 2, Ct);
        await db.AuditEntries.Where(a => a.LearnerId == learner && a.Sequence > count - 2).ExecuteDeleteAsync(Ct);
        await db.Set<AuditHead>().Where(h => h.LearnerId == learner).ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, keep.Sequence).SetProperty(h => h.Hash, keep.Hash), Ct);

        var (code, output) = await RunCliAsync("audit-verify");
        Assert.Equal(1, code);
        Assert.Contains($"learner {learner}: entry {count - 1} is missing (the checkpoint of {Amsterdam.Date(day)} recorded {count} entries)", output);
    }
}

public abstract class AuditChainRemovedTests<TApp>(TApp app) : AuditTestBase<TApp>(app) where TApp : LeerkluisApp
{
    [Fact]
    public async Task AuditVerify_WholeChainRemovedAfterCheckpoint_Fails()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        await teacher.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.LearnerA.Id}", Ct);
        var admin = await App.LoginAsync(W.AdminB);
        await admin.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.LearnerB.Id}", Ct);
        await CheckpointAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var learner = W.LearnerB.Id;
        await db.AuditEntries.Where(a => a.LearnerId == learner).ExecuteDeleteAsync(Ct);
        await db.Set<AuditHead>().Where(h => h.LearnerId == learner).ExecuteDeleteAsync(Ct);
        var (code, output) = await RunCliAsync("audit-verify");
        Assert.Equal(1, code);
        Assert.Contains($"learner {learner}: entry 1 is missing", output);

        // Removing the checkpoint's record of that chain as well is caught by the checkpoint's digest.
        await db.Set<AuditCheckpointHead>().Where(h => h.LearnerId == learner).ExecuteDeleteAsync(Ct);
        (code, output) = await RunCliAsync("audit-verify");
        Assert.Equal(1, code);
        Assert.Contains("its recorded chain heads were removed or altered", output);
    }
}
