using System.Net;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Dashboard;
using Leerkluis.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Careers;

public sealed class PhaseDurationsTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Medians_FinishedStaysOnly_CurrentPhaseNotCounted()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        PhaseDurations.Step[] steps =
        [
            new(a, Phase.Interest, T0), new(a, Phase.Orientation, T0.AddDays(10)), new(a, Phase.Choice, T0.AddDays(40)),
            new(b, Phase.Orientation, T0.AddDays(21)), new(b, Phase.Interest, T0.AddDays(1)),
        ];
        var medians = PhaseDurations.Medians(steps);
        Assert.Equal([new(Phase.Interest, 15, 2), new(Phase.Orientation, 30, 1)], medians);
    }

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 9.0, 1.0, 5.0 }, 5.0)]
    [InlineData(new[] { 4.0, 1.0, 2.0, 10.0 }, 3.0)]
    public void Median_OddAndEven_MiddleValue(double[] values, double expected) => Assert.Equal(expected, PhaseDurations.Median(values));
}

public sealed class CareerDashboardSqliteTests(SqliteApp app) : CareerDashboardTests<SqliteApp>(app);
public sealed class CareerDashboardPostgresTests(PostgresApp app) : CareerDashboardTests<PostgresApp>(app);

public abstract class CareerDashboardTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Three candidates in region B who spent 10, 20 and 30 days in interest; one of them 5 days in orientation.</summary>
    private async Task ArrangeHistoriesAsync(Region region)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var start = DateTime.UtcNow.AddDays(-100);
        foreach (var (days, n) in new[] { (10, 0), (20, 1), (30, 2) })
        {
            var c = new Candidate { Id = Guid.CreateVersion7(), RegionId = region.Id, FirstName = "Duur", LastName = $"Meting{n}", CreatedUtc = start, PhaseSinceUtc = start.AddDays(days),
                Phase = n == 0 ? Phase.Choice : Phase.Orientation, InterestPo = true };
            CandidateWrite.Rekey(c);
            db.Add(c);
            db.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = c.Id, To = Phase.Interest, AtUtc = start, AuthorName = "test" });
            db.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = c.Id, From = Phase.Interest, To = Phase.Orientation, AtUtc = start.AddDays(days), AuthorName = "test" });
            if (n == 0) db.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = c.Id, From = Phase.Orientation, To = Phase.Choice, AtUtc = start.AddDays(days + 5), AuthorName = "test" });
        }
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Dashboard_TimePerPhaseAndAcrossRegions_CountsWithoutNames()
    {
        var cw = await CareersWorld.ForAsync(App);
        await ArrangeHistoriesAsync(cw.RegionB);
        var b = await App.LoginAsync(cw.AdvisorB);
        var view = await b.GetFromJsonAsync<DashboardView>($"/api/v1/careers/dashboard?regionId={cw.RegionB.Id}", Ct);
        Assert.Equal([new Bar("1. Interesse", 20), new Bar("2. Oriëntatie", 5)], view!.MedianDaysPerPhase);

        var raw = await b.GetStringAsync("/api/v1/careers/dashboard/regions", Ct);
        Assert.DoesNotContain("Olaf", raw);
        Assert.DoesNotContain("Meting", raw);
        var regions = await b.GetFromJsonAsync<List<RegionFigures>>("/api/v1/careers/dashboard/regions", Ct);
        var a = regions!.Single(r => r.RegionId == cw.RegionA.Id);
        var own = regions!.Single(r => r.RegionId == cw.RegionB.Id);
        Assert.True(a.Total >= 1);
        Assert.Equal((3, 3), (own.Total, own.Po));
        Assert.Equal([0, 2, 1, 0, 0], own.PerPhase);

        var page = await b.GetStringAsync("/Regio/Dashboard", Ct);
        Assert.Contains("naast elkaar", page);
        Assert.Contains("Testregio A", page);
        Assert.Contains("Mediaan aantal dagen per fase", page);
    }

    [Fact]
    public async Task AcrossRegions_NotAnAdvisor_Returns404()
    {
        var cw = await CareersWorld.ForAsync(App);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(cw.CandidateUser)).GetAsync("/api/v1/careers/dashboard/regions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(W.AdminA)).GetAsync("/api/v1/careers/dashboard/regions", Ct)).StatusCode);
    }
}
