using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Retention;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Careers;

public sealed class CandidateRetentionRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(800, null, 1000, true)]     // inactive, consent withdrawn
    [InlineData(800, 900, null, true)]      // inactive, consent expired (given more than two years ago)
    [InlineData(800, null, null, true)]     // inactive, never consented (e.g. added by hand without consent)
    [InlineData(800, 300, null, false)]     // inactive, but consent renewed last year
    [InlineData(700, null, 1000, false)]    // consent withdrawn, but activity less than two years ago
    [InlineData(730, null, 1000, true)]     // exactly two years
    public void ShouldErase_InactivityAndConsent_BothMustBeGone(int daysSinceActivity, int? consentDaysAgo, int? withdrawnDaysAgo, bool expected)
    {
        DateTime? consent = consentDaysAgo is { } c ? Now.AddDays(-c) : withdrawnDaysAgo is { } w ? Now.AddDays(-w - 10) : null;
        DateTime? withdrawn = withdrawnDaysAgo is { } x ? Now.AddDays(-x) : null;
        Assert.Equal(expected, CandidateRetentionRule.ShouldErase(Now.AddDays(-daysSinceActivity), consent, withdrawn, Now));
    }
}

public sealed class CandidateRetentionSqliteTests(SqliteApp app) : CandidateRetentionTests<SqliteApp>(app);
public sealed class CandidateRetentionPostgresTests(PostgresApp app) : CandidateRetentionTests<PostgresApp>(app);

public abstract class CandidateRetentionTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RetentionJob_InactiveWithoutConsent_ErasedWithHistoryAndLoginAndLoggedWithoutNames()
    {
        var cw = await CareersWorld.ForAsync(App);
        var (user, gone) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "bewaartermijn-weg@test.invalid");
        var (_, recentContact) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "bewaartermijn-contact@test.invalid");
        var (_, renewed) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "bewaartermijn-vernieuwd@test.invalid");
        var old = DateTime.UtcNow.AddYears(-3);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
            foreach (var c in await db.Set<Candidate>().Where(c => c.Id == gone || c.Id == recentContact || c.Id == renewed).ToListAsync(Ct))
            {
                c.CreatedUtc = c.PhaseSinceUtc = old;
                c.ConsentUtc = old;
                c.ConsentWithdrawnUtc = c.Id == renewed ? null : old.AddDays(30);
                if (c.Id == renewed) c.ConsentUtc = DateTime.UtcNow.AddMonths(-6);
            }
            await db.Set<ContactMoment>().Where(m => m.CandidateId == gone || m.CandidateId == renewed).ExecuteUpdateAsync(s => s.SetProperty(m => m.AtUtc, old), Ct);
            await db.Set<ContactMoment>().Where(m => m.CandidateId == recentContact).ExecuteUpdateAsync(s => s.SetProperty(m => m.AtUtc, DateTime.UtcNow.AddMonths(-3)), Ct);
            db.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = gone, To = Phase.Interest, AtUtc = old, AuthorName = "test" });
            await db.SaveChangesAsync(Ct);
        }

        string outcome;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System());
            var job = scope.ServiceProvider.GetServices<IDailyJob>().Single(j => j.Name == CandidateRetentionJob.JobName);
            outcome = await job.RunAsync(DateOnly.FromDateTime(DateTime.UtcNow), Ct);
            Assert.Equal("0 kandidaten verwijderd (bewaartermijn).", await job.RunAsync(DateOnly.FromDateTime(DateTime.UtcNow), Ct));
        }
        Assert.Equal("1 kandidaten verwijderd (bewaartermijn).", outcome);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
            var left = await db.Set<Candidate>().Where(c => c.Id == gone || c.Id == recentContact || c.Id == renewed).Select(c => c.Id).ToListAsync(Ct);
            Assert.Equal(new[] { recentContact, renewed }.Order(), left.Order());
            Assert.Equal(0, await db.Set<ContactMoment>().CountAsync(m => m.CandidateId == gone, Ct));
            Assert.Equal(0, await db.Set<PhaseChange>().CountAsync(m => m.CandidateId == gone, Ct));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.UserId.ToString()));
            var log = Assert.Single(await db.Set<CandidateErasure>().ToListAsync(Ct));
            Assert.Equal((cw.RegionA.Id, CandidateRetentionJob.Reason), (log.RegionId, log.Reason));
        }
    }
}
