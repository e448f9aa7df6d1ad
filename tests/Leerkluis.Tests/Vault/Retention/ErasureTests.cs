using System.Net;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Tests.Vault.Medical;
using Leerkluis.Web.Features.Vault.Medical;
using Leerkluis.Web.Features.Vault;
using Leerkluis.Web.Features.Vault.Retention;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Crypto;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Vault.Retention;

public sealed class ErasureSqliteTests(SqliteApp app) : ErasureTests<SqliteApp>(app);
public sealed class ErasurePostgresTests(PostgresApp app) : ErasureTests<PostgresApp>(app);

/// <summary>Crypto-shredding, erasure of a learner's rows, and the daily retention job, on a real database.</summary>
public abstract class ErasureTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Allergy = "Kiwi-allergie-E5P1";

    private static MedicalData Data() => new([new MedicalItem(Allergy, null, true)], null, null, null, null);

    private async Task WriteMedicalAsync(Guid learner)
    {
        var parent = await App.LoginAsync(W.ParentA);
        Assert.Equal(HttpStatusCode.NoContent, (await parent.PutAsJsonAsync($"/api/v1/learners/{learner}/medical", Data(), Ct)).StatusCode);
    }

    private async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System());
        return await work(scope.ServiceProvider);
    }

    private Task<int> CountAsync<T>(Func<IQueryable<T>, IQueryable<T>> filter) where T : class =>
        AsSystemAsync(sp => filter(sp.GetRequiredService<LeerkluisDb>().Set<T>()).CountAsync(Ct));

    [Fact]
    public async Task EraseLearner_AfterMedicalWrite_KeyGoneDataUnreadableAndNoRowLeft()
    {
        var learner = await VaultTestSupport.ArrangeLearnerAsync(App);
        await WriteMedicalAsync(learner);
        await (await App.LoginAsync(W.CareA)).GetAsync($"/api/v1/learners/{learner}/medical", Ct);
        // A copy of the sealed value, as any backup holds it.
        var backup = await AsSystemAsync(sp => sp.GetRequiredService<LeerkluisDb>().Set<MedicalRecord>().Where(m => m.LearnerId == learner).Select(m => m.Sealed).SingleAsync(Ct));
        Assert.Contains(Allergy, await AsSystemAsync(sp => sp.GetRequiredService<LearnerKeys>().OpenAsync(learner, MedicalRecord.SealedField, backup, Ct)));
        var id = learner.ToString();
        Assert.True((await VaultTestSupport.FindInDatabaseAsync(App, id)).Count >= 6, "the learner's id is in its rows before erasure");

        var result = await AsSystemAsync(sp => sp.GetRequiredService<EraseLearner>().HandleAsync(EraseLearnerCommand.All(learner, ErasureReason.Request), Ct));

        Assert.Equal("All", result.Scope);
        Assert.Equal(1, result.Counts[nameof(LearnerKey)]);
        Assert.Equal(1, result.Counts[nameof(MedicalRecord)]);
        Assert.Equal(1, result.Counts["Learner"]);
        Assert.True(result.Counts["AuditEntry"] >= 2);
        // Not a row anywhere carries the learner's id, the erasure log included.
        Assert.Empty(await VaultTestSupport.FindInDatabaseAsync(App, id, id.ToUpperInvariant()));
        await AsSystemAsync<bool>(async sp =>
        {
            await Assert.ThrowsAsync<LearnerKeyDestroyedException>(() => sp.GetRequiredService<LearnerKeys>().OpenAsync(learner, MedicalRecord.SealedField, backup, Ct));
            return true;
        });
        var log = await AsSystemAsync(sp => sp.GetRequiredService<LeerkluisDb>().Set<ErasureLogEntry>().SingleAsync(e => e.CaseId == result.CaseId, Ct));
        Assert.Equal(ErasureReason.Request, log.Reason);
        Assert.Contains("LearnerKey=1", log.Counts);
        Assert.Contains("MedicalRecord=1", log.Counts);
        Assert.Contains("Enrolment=1", log.Counts);
        Assert.NotEqual(learner, log.CaseId);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(W.CareA)).GetAsync($"/api/v1/learners/{learner}/medical", Ct)).StatusCode);
    }

    [Fact]
    public async Task EraseLearner_NotTheSystem_NotFoundAndNothingErased()
    {
        var learner = await VaultTestSupport.ArrangeLearnerAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(W.AdminA.UserId, "SchoolAdmin", null, W.SchoolA.Id, null, null, "test"));
        await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<EraseLearner>().HandleAsync(EraseLearnerCommand.All(learner, ErasureReason.Request), Ct));
        Assert.Equal(1, await CountAsync<Web.Features.Registry.Learner>(q => q.Where(l => l.Id == learner)));
    }

    [Fact]
    public void LearnerTables_FromTheModel_CoverEveryTableWithLearnerId()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var tables = LearnerTables.Of(db.Model, new RetentionOptions().KeepRegistryDefaults());
        var names = tables.Select(t => t.Name).ToList();
        foreach (var expected in new[] { "Enrolment", "GroupMembership", "LearnerGuardian", "PersonalNumberClaim", "AuditEntry", "AppUser", "LearnerKey", "MedicalRecord", "LegalHold", "RetentionMark" })
            Assert.Contains(expected, names);
        Assert.Equal(DataKind.Dossier, tables.Single(t => t.Name == "MedicalRecord").Kind);
        Assert.Equal(DataKind.AbsenceAndEnrolment, tables.Single(t => t.Name == "Enrolment").Kind);
    }

    [Fact]
    public async Task RetentionJob_ErasesOnlyWhatExpired_AndIsIdempotent()
    {
        // The job's day lies in the future, so the world's learners (enrolled, active) are never touched.
        var day = TestWorld.Today.AddYears(8);
        var partly = await VaultTestSupport.ArrangeLearnerAsync(App, (day.AddYears(-6), day.AddYears(-2).AddDays(-10)));
        var exactly = await VaultTestSupport.ArrangeLearnerAsync(App, (day.AddYears(-6), day.AddYears(-2)));
        var entirely = await VaultTestSupport.ArrangeLearnerAsync(App, (day.AddYears(-8), day.AddYears(-5).AddDays(-1)));
        var held = await VaultTestSupport.ArrangeLearnerAsync(App, (day.AddYears(-8), day.AddYears(-6)));
        var back = await VaultTestSupport.ArrangeLearnerAsync(App, (day.AddYears(-8), day.AddYears(-6)), (day.AddYears(-1), null));
        foreach (var l in new[] { partly, exactly, entirely, held, back }) await WriteMedicalAsync(l);
        await AsSystemAsync<bool>(async sp => { await sp.GetRequiredService<LegalHolds>().SetAsync(held, "Klacht bij de geschillencommissie", Ct); return true; });
        var scopes = App.Services.GetRequiredService<IServiceScopeFactory>();
        var logBefore = await CountAsync<ErasureLogEntry>(q => q);

        var outcome = await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "retention", day, force: false, Ct);

        Assert.StartsWith("1 learners erased entirely, 1 partly", outcome);
        Assert.Equal(0, await CountAsync<Web.Features.Registry.Learner>(q => q.Where(l => l.Id == entirely)));
        // Partly: the dossier (special data and its key) is gone, the registry stays for the 5-year periods.
        Assert.Equal(0, await CountAsync<MedicalRecord>(q => q.Where(m => m.LearnerId == partly)));
        Assert.Equal(0, await CountAsync<LearnerKey>(q => q.Where(k => k.LearnerId == partly)));
        Assert.Equal(1, await CountAsync<Web.Features.Registry.Enrolment>(q => q.Where(e => e.LearnerId == partly)));
        foreach (var kept in new[] { exactly, held, back })
        {
            Assert.Equal(1, await CountAsync<MedicalRecord>(q => q.Where(m => m.LearnerId == kept)));
            Assert.Equal(1, await CountAsync<LearnerKey>(q => q.Where(k => k.LearnerId == kept)));
        }
        var parent = await App.LoginAsync(W.ParentA);
        Assert.True((await parent.GetFromJsonAsync<MedicalView>($"/api/v1/learners/{partly}/medical", Ct))!.Data.IsEmpty);
        Assert.Contains(Allergy, await parent.GetStringAsync($"/api/v1/learners/{exactly}/medical", Ct));
        var logs = await AsSystemAsync(sp => sp.GetRequiredService<LeerkluisDb>().Set<ErasureLogEntry>().OrderBy(e => e.Id).Skip(logBefore).ToListAsync(Ct));
        Assert.Equal(["All", "Dossier"], logs.Select(e => e.Scope).Order());
        Assert.Equal("LearnerKey=1;MedicalRecord=1", logs.Single(e => e.Scope == "Dossier").Counts);
        Assert.All(logs, e => Assert.Equal(ErasureReason.Retention, e.Reason));

        // Run again for the same day: nothing more to do, nothing more logged.
        Assert.StartsWith("0 learners erased entirely, 0 partly", await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "retention", day, force: true, Ct));
        Assert.Equal(logBefore + 2, await CountAsync<ErasureLogEntry>(q => q));

        // The next day the learner who left exactly two years before the first run is due.
        Assert.StartsWith("0 learners erased entirely, 1 partly", await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "retention", day.AddDays(1), force: false, Ct));
        Assert.Equal(0, await CountAsync<MedicalRecord>(q => q.Where(m => m.LearnerId == exactly)));
        Assert.Equal(1, await CountAsync<MedicalRecord>(q => q.Where(m => m.LearnerId == held)));

        // Lifting the hold lets the next run erase that learner entirely (left 6 years before).
        await AsSystemAsync(sp => sp.GetRequiredService<LegalHolds>().LiftAsync(held, Ct));
        Assert.StartsWith("1 learners erased entirely", await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "retention", day.AddDays(2), force: false, Ct));
        Assert.Equal(0, await CountAsync<Web.Features.Registry.Learner>(q => q.Where(l => l.Id == held)));
        Assert.Equal(1, await CountAsync<MedicalRecord>(q => q.Where(m => m.LearnerId == back)));
    }
}
