using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using static Leerkluis.Tests.Attendance.GuardianAttendanceArrange;

namespace Leerkluis.Tests.Attendance;

public sealed class GuardianAbsenceApiSqliteTests(SqliteApp app) : GuardianAbsenceApiTests<SqliteApp>(app);
public sealed class GuardianAbsenceApiPostgresTests(PostgresApp app) : GuardianAbsenceApiTests<PostgresApp>(app);

/// <summary>Absence notices through HTTP: a guardian reports for their own child only, within the school's limits; beter melden; the history.</summary>
public abstract class GuardianAbsenceApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> NoticeCountAsync(Guid learnerId) =>
        QueryAsync(App, db => db.Set<AbsenceNotice>().CountAsync(n => n.LearnerId == learnerId, Ct));

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
    }

    [Fact]
    public async Task Report_GuardianSickForOwnChild_CreatedAndInHistory()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        await CloseOpenSickNoticesAsync(W.LearnerA.Id);
        var day = SchoolDayFrom(Today(App).AddDays(1));
        var parent = await App.LoginAsync(W.ParentA);

        var created = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices",
            new { code = "Z", from = Iso(day), to = (string?)null, reason = "Koorts" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var history = await parent.GetFromJsonAsync<JsonElement>($"/api/v1/learners/{W.LearnerA.Id}/absences", Ct);
        var notice = history.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == id);
        Assert.Equal("Z", notice.GetProperty("code").GetString());
        Assert.Equal("Ziek", notice.GetProperty("codeName").GetString());
        Assert.Equal("guardian", notice.GetProperty("source").GetString());
        Assert.Equal(Iso(day), notice.GetProperty("from").GetString());
        Assert.True(notice.GetProperty("open").GetBoolean());

        // The teacher of the group sees it too; the read is in the child's trail.
        var teacher = await App.LoginAsync(W.TeacherA);
        var seen = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/learners/{W.LearnerA.Id}/absences", Ct);
        Assert.Contains(seen.GetProperty("notices").EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
        var audited = await QueryAsync(App, db => db.AuditEntries.CountAsync(a => a.LearnerId == W.LearnerA.Id && a.Action == "absence-notice" && a.Allowed, Ct));
        Assert.True(audited >= 1);
    }

    [Fact]
    public async Task Report_SickWhileASickReportIsOpen_FieldMessageAndNothingStored()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        await CloseOpenSickNoticesAsync(W.LearnerA.Id);
        var day = SchoolDayFrom(Today(App).AddDays(1));
        var parent = await App.LoginAsync(W.ParentA);
        var first = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices", new { code = "Z", from = Iso(day) }, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await NoticeCountAsync(W.LearnerA.Id);

        var errors = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices",
            new { code = "Z", from = Iso(SchoolDaysAfter(day, 1)) }, Ct));

        Assert.Equal($"Er loopt al een ziekmelding sinds {Amsterdam(day)}. Meld uw kind eerst beter.", errors.GetProperty("code")[0].GetString());
        Assert.Equal(before, await NoticeCountAsync(W.LearnerA.Id));
    }

    [Fact]
    public async Task Report_OtherGuardiansChild_NotFoundAndNothingStored()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var before = await NoticeCountAsync(W.LearnerA.Id);
        var stranger = await App.LoginAsync(W.ParentB);

        var response = await stranger.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices",
            new { code = "Z", from = Iso(SchoolDayFrom(Today(App).AddDays(1))) }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await NoticeCountAsync(W.LearnerA.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/absences", Ct)).StatusCode);
    }

    [Fact]
    public async Task Report_EndBeforeStart_FieldMessageAndNothingStored()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var before = await NoticeCountAsync(W.LearnerA.Id);
        var day = SchoolDaysAfter(Today(App).AddDays(1), 2);
        var parent = await App.LoginAsync(W.ParentA);

        var errors = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices",
            new { code = "GV", from = Iso(day), to = Iso(day.AddDays(-1)), reason = "Bruiloft" }, Ct));

        Assert.Equal("De einddatum ligt vóór de begindatum.", errors.GetProperty("to")[0].GetString());
        Assert.Equal(before, await NoticeCountAsync(W.LearnerA.Id));
    }

    [Fact]
    public async Task Report_AfterSameDayDeadline_BadRequestWithDeadline()
    {
        // A deadline of 00:00 has always passed: the rule does not depend on the hour the suite runs.
        await SettingsAsync(App, W.SchoolA.Id, deadline: new TimeOnly(0, 0));
        var parent = await App.LoginAsync(W.ParentA);

        var errors = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices",
            new { code = "Z", from = Iso(Today(App)) }, Ct));

        Assert.Contains(errors.GetProperty("from").EnumerateArray(), m => m.GetString() == "Melden voor vandaag kan tot 00:00 uur. Bel de school.");
    }

    [Fact]
    public async Task Report_PastDayByGuardian_BadRequest()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var parent = await App.LoginAsync(W.ParentA);

        var errors = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices",
            new { code = "AR", from = Iso(Today(App).AddDays(-7)) }, Ct));

        Assert.StartsWith("Een melding voor een dag die al voorbij is", errors.GetProperty("from")[0].GetString());
    }

    [Fact]
    public async Task Report_GuardianUsesSchoolOnlyOrUnknownCode_BadRequest()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var parent = await App.LoginAsync(W.ParentA);
        var day = Iso(SchoolDayFrom(Today(App).AddDays(1)));

        var schoolOnly = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices", new { code = "OV", from = day }, Ct));
        var unknown = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices", new { code = "XX", from = day }, Ct));

        Assert.Equal("Deze reden kan alleen de school invullen. Kies ziek, een afspraak of overig.", schoolOnly.GetProperty("code")[0].GetString());
        Assert.Equal("De school kent de reden 'XX' niet.", unknown.GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task Report_PeriodTheSchoolDoesNotHave_BadRequest()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var parent = await App.LoginAsync(W.ParentA);
        var day = SchoolDayFrom(Today(App).AddDays(1));

        var errors = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices",
            new { code = "AR", from = Iso(day), fromPeriod = 7 }, Ct));

        Assert.Equal($"Op {Amsterdam(day)} is er geen lesuur of dagdeel 7.", errors.GetProperty("fromPeriod")[0].GetString());
    }

    [Fact]
    public async Task Recovered_OpenSickNotice_EndsTheDayBefore()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var parent = await App.LoginAsync(W.ParentA);
        var first = SchoolDayFrom(Today(App).AddDays(1));
        var created = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA7.Id}/absence-notices", new { code = "Z", from = Iso(first) }, Ct);
        // ParentA is not LearnerA7's guardian: only LearnerA is theirs.
        Assert.Equal(HttpStatusCode.NotFound, created.StatusCode);

        await CloseOpenSickNoticesAsync(W.LearnerA.Id);
        created = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices", new { code = "Z", from = Iso(first) }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var again = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices", new { code = "Z", from = Iso(first) }, Ct));
        Assert.StartsWith("Er loopt al een ziekmelding sinds", again.GetProperty("code")[0].GetString());

        var back = first.AddDays(3);
        var recovered = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices/{id}/recovered", new { day = Iso(back) }, Ct);

        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        var history = await parent.GetFromJsonAsync<JsonElement>($"/api/v1/learners/{W.LearnerA.Id}/absences", Ct);
        var notice = history.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == id);
        Assert.Equal(Iso(back.AddDays(-1)), notice.GetProperty("to").GetString());
        Assert.False(notice.GetProperty("open").GetBoolean());
        var twice = await ErrorsAsync(await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices/{id}/recovered", new { day = Iso(back) }, Ct));
        Assert.Equal("Deze melding is al afgesloten.", twice.GetProperty("day")[0].GetString());
    }

    [Fact]
    public async Task Report_SchoolAdminForPastDayWithSchoolCode_CreatedAsSchool()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var admin = await App.LoginAsync(W.AdminA);
        var day = Today(App).AddDays(-7);

        var created = await admin.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/absence-notices", new { code = "VW", from = Iso(SchoolDayFrom(day)) }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/learners/{W.LearnerA.Id}/absences?from={Iso(day.AddDays(-1))}", Ct);
        var notice = history.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == id);
        Assert.Equal("school", notice.GetProperty("source").GetString());
        Assert.Equal(notice.GetProperty("from").GetString(), notice.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Absences_LearnerReadsOwnButCannotReport()
    {
        await SettingsAsync(App, W.SchoolB.Id);
        var learner = await App.LoginAsync(W.AdultLearner);

        var own = await learner.GetAsync($"/api/v1/learners/{W.Adult.Id}/absences", Ct);
        var report = await learner.PostAsJsonAsync($"/api/v1/learners/{W.Adult.Id}/absence-notices",
            new { code = "Z", from = Iso(SchoolDayFrom(Today(App).AddDays(1))) }, Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.False((await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("canReport").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
    }

    private static string Amsterdam(DateOnly d) => Web.Platform.Time.Amsterdam.Date(d);

    private Task CloseOpenSickNoticesAsync(Guid learnerId) => QueryAsync(App, db =>
        db.Set<AbsenceNotice>().Where(n => n.LearnerId == learnerId && n.To == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.To, n => n.From), Ct));
}
