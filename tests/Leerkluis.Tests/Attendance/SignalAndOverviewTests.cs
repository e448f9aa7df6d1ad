using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Overviews;
using Leerkluis.Web.Features.Attendance.Signals;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Attendance;

public sealed class SignalAndOverviewSqliteTests(SqliteApp app) : SignalAndOverviewTests<SqliteApp>(app);
public sealed class SignalAndOverviewPostgresTests(PostgresApp app) : SignalAndOverviewTests<PostgresApp>(app);

/// <summary>Care signals for the care coordinator and the attendance overviews, through HTTP.</summary>
public abstract class SignalAndOverviewTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Signals => $"/api/v1/schools/{W.SchoolA.Id}/care-signals";

    [Fact]
    public async Task CareSignal_FourSickReports_ListedForCareCoordinatorUntilHandled()
    {
        await ReportArrange.SetUpAsync(App.Services, W.SchoolA.Id);
        var learner = await ReportArrange.LearnerAsync(App.Services, W.SchoolA, W.GroupA8, "Vaakziek");
        var days = ReportArrange.PastSchoolDays(App.Services, 8);
        await ReportArrange.SickNoticesAsync(App.Services, W.SchoolA.Id, learner.Id, [days[0], days[2], days[4], days[6]]);
        var admin = await App.LoginAsync(W.AdminA);
        var outcome = await (await admin.PostAsync($"/api/v1/schools/{W.SchoolA.Id}/absence-reports/recalculate", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(outcome.GetProperty("signals").GetInt32() >= 1);

        var care = await App.LoginAsync(W.CareA);
        var open = await care.GetFromJsonAsync<List<CareSignalRow>>(Signals, Json, Ct);
        var signal = Assert.Single(open!, s => s.LearnerId == learner.Id);
        Assert.Equal(CareSignalKind.FrequentSick, signal.Kind);
        Assert.Contains("4 ziekmeldingen", signal.Detail);
        Assert.Equal("Lotte Vaakziek", signal.LearnerName);
        Assert.Equal("8", signal.GroupName);

        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync(Signals, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PostAsync($"{Signals}/{learner.Id}/{signal.Id}/handled", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await care.PostAsync($"{Signals}/{learner.Id}/{signal.Id}/handled", null, Ct)).StatusCode);
        Assert.DoesNotContain(await care.GetFromJsonAsync<List<CareSignalRow>>(Signals, Json, Ct) ?? [], s => s.Id == signal.Id);
        Assert.Contains(await care.GetFromJsonAsync<List<CareSignalRow>>($"{Signals}?handled=true", Json, Ct) ?? [], s => s.Id == signal.Id);
        var again = await care.PostAsync($"{Signals}/{learner.Id}/{signal.Id}/handled", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("al afgehandeld", await again.Content.ReadAsStringAsync(Ct));

        await using var scope = App.Services.CreateAsyncScope();
        var audited = await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().AuditEntries.AsNoTracking()
            .Where(a => a.LearnerId == learner.Id && a.ActorUserId == W.CareA.UserId && a.Action == "care-signal-handled" && a.Allowed)
            .Select(a => a.Operation).ToListAsync(Ct);
        Assert.Equal([Web.Platform.Access.Operation.Write], audited);
    }

    [Fact]
    public async Task LearnerOverview_UnexcusedAndSickDays_TotalsPerCategoryAndAttendance()
    {
        await ReportArrange.SetUpAsync(App.Services, W.SchoolA.Id);
        var learner = await ReportArrange.LearnerAsync(App.Services, W.SchoolA, W.GroupA8, "Overzicht");
        var days = ReportArrange.PastSchoolDays(App.Services, 10);
        await ReportArrange.RecordsAsync(App.Services, W.SchoolA.Id, learner.Id, [days[0]], "OV");
        await ReportArrange.RecordsAsync(App.Services, W.SchoolA.Id, learner.Id, [days[1], days[2]], "Z");
        var teacher = await App.LoginAsync(W.TeacherA);

        var overview = await teacher.GetFromJsonAsync<LearnerOverview>(
            $"/api/v1/learners/{learner.Id}/attendance-overview?from={days[0]:yyyy-MM-dd}&to={days[^1]:yyyy-MM-dd}", Json, Ct);

        Assert.Equal(10, overview!.SchoolDays);
        Assert.Equal("8", overview.GroupName);
        var unexcused = overview.Totals.Single(t => t.Category == AbsenceCategory.Unexcused);
        var sick = overview.Totals.Single(t => t.Category == AbsenceCategory.Sick);
        Assert.Equal(overview.Records.Where(r => r.Code == "OV").Sum(r => r.Minutes), unexcused.Minutes);
        Assert.Equal(overview.Records.Where(r => r.Code == "Z").Sum(r => r.Minutes), sick.Minutes);
        Assert.True(unexcused.Minutes > 0 && sick.Minutes > unexcused.Minutes);
        var expected = AttendanceFigures.Percent(overview.ScheduledMinutes - unexcused.Minutes - sick.Minutes, overview.ScheduledMinutes);
        Assert.Equal(expected, overview.AttendancePercent);
        Assert.InRange(overview.AttendancePercent, 50m, 90m);

        // Not the teacher's group: 404, like any dossier they have no relation to.
        var other = await teacher.GetAsync($"/api/v1/learners/{W.LearnerA7.Id}/attendance-overview", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var backwards = await teacher.GetAsync($"/api/v1/learners/{learner.Id}/attendance-overview?from={days[^1]:yyyy-MM-dd}&to={days[0]:yyyy-MM-dd}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("De einddatum ligt vóór de begindatum.", await backwards.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task SchoolOverview_AdminGetsWeeksAndCsv_TeacherNotFound()
    {
        await ReportArrange.SetUpAsync(App.Services, W.SchoolA.Id);
        var learner = await ReportArrange.LearnerAsync(App.Services, W.SchoolA, W.GroupA8, "Schoolbreed");
        var days = ReportArrange.PastSchoolDays(App.Services, 10);
        await ReportArrange.RecordsAsync(App.Services, W.SchoolA.Id, learner.Id, [days[^1]], "Z");
        var admin = await App.LoginAsync(W.AdminA);
        var range = $"from={days[0]:yyyy-MM-dd}&to={days[^1]:yyyy-MM-dd}";

        var overview = await admin.GetFromJsonAsync<SchoolOverview>($"/api/v1/schools/{W.SchoolA.Id}/attendance-overview?{range}", Json, Ct);

        Assert.True(overview!.Learners >= 3);
        Assert.InRange(overview.Weeks.Count, 2, 3);
        Assert.Equal(overview.ScheduledMinutes, overview.Weeks.Sum(w => w.ScheduledMinutes));
        var sick = overview.Totals.Single(t => t.Category == AbsenceCategory.Sick);
        Assert.True(sick.Minutes > 0);
        Assert.Equal(AttendanceFigures.Percent(sick.Minutes, overview.ScheduledMinutes), sick.Percent);
        Assert.True(overview.Weeks[^1].AbsentPercent > 0);

        var csv = await admin.GetAsync($"/api/v1/schools/{W.SchoolA.Id}/attendance-overview.csv?{range}", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        Assert.StartsWith("week;maandag;geroosterde_uren;uren_geoorloofd;procent_geoorloofd;uren_ongeoorloofd", text);
        Assert.Contains("\ntotaal;", text.Replace("\r\n", "\n"));

        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/schools/{W.SchoolA.Id}/attendance-overview", Ct)).StatusCode);
        var adminB = await App.LoginAsync(W.AdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/api/v1/schools/{W.SchoolA.Id}/attendance-overview", Ct)).StatusCode);
    }
}
