using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance.RollCalls;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Tests.Attendance;

public sealed class SetupApiSqliteTests(SqliteApp app) : SetupApiTests<SqliteApp>(app);
public sealed class SetupApiPostgresTests(PostgresApp app) : SetupApiTests<PostgresApp>(app);

/// <summary>The office's attendance set-up through HTTP: what is refused says why, and a refused change saves nothing.</summary>
public abstract class SetupApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string SetupUrl(Guid school) => $"/api/v1/schools/{school}/attendance-setup";

    private static async Task<SetupView> ReadAsync(HttpClient client, Guid school) => (await client.GetFromJsonAsync<SetupView>(SetupUrl(school), Json, Ct))!;

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task Settings_SavedAndRead_BadValuesRefusedWithoutChange()
    {
        var admin = await App.LoginAsync(W.AdminA);
        var url = SetupUrl(W.SchoolA.Id) + "/settings";

        var ok = await admin.PutAsJsonAsync(url, new { sameDayDeadline = "8:15", allowPastReports = true, maxDaysAhead = 30, alertChannel = "none",
            sickSignalCount = 5, sickSignalWeeks = 10, sickSignalConsecutiveDays = 8 }, Ct);
        var bad = await admin.PutAsJsonAsync(url, new { sameDayDeadline = "half negen", allowPastReports = false, maxDaysAhead = 30, alertChannel = "fax",
            sickSignalCount = 5, sickSignalWeeks = 10, sickSignalConsecutiveDays = 8 }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var errors = await ErrorsAsync(bad);
        Assert.Equal("Vul de uiterste meldtijd in als uu:mm, bijvoorbeeld 08:30, of laat hem leeg.", errors["sameDayDeadline"][0]);
        Assert.Contains("e-mail of geen bericht", errors["alertChannel"][0]);
        var settings = (await ReadAsync(admin, W.SchoolA.Id)).Settings;
        Assert.Equal(new SettingsView("08:15", true, 30, "none", 5, 10, 8), settings);
    }

    [Fact]
    public async Task Periods_AddChangeRemove_OverlapAndEndBeforeStartRefused()
    {
        var admin = await App.LoginAsync(W.AdminA);
        var url = SetupUrl(W.SchoolA.Id) + "/periods";
        var before = await ReadAsync(admin, W.SchoolA.Id);
        Assert.Equal(["dayPart"], before.Periods.Select(p => p.Kind).Distinct()); // po defaults: mornings and afternoons

        var overlap = await admin.PostAsJsonAsync(url, new { weekday = "monday", kind = "dayPart", start = "14:30", end = "16:00" }, Ct);
        var backwards = await admin.PostAsJsonAsync(url, new { weekday = "tuesday", kind = "dayPart", start = "17:00", end = "16:00" }, Ct);
        var added = await admin.PostAsJsonAsync(url, new { weekday = "monday", kind = "dayPart", start = "15:15", end = "16:00" }, Ct);

        Assert.Equal("Overlapt op maandag met uur 2 (13:00–15:00).", (await ErrorsAsync(overlap))["start"][0]);
        Assert.Equal("De eindtijd ligt niet na de begintijd.", (await ErrorsAsync(backwards))["end"][0]);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<CreatedId>(Json, Ct))!.Id;
        var third = Assert.Single((await ReadAsync(admin, W.SchoolA.Id)).Periods, p => p.Id == id);
        Assert.Equal(("monday", 3, "15:15", "16:00", 45), (third.Weekday, third.Number, third.Start, third.End, third.CountedMinutes));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"{url}/{id}", new { kind = "dayPart", start = "15:30", end = "16:15" }, Ct)).StatusCode);
        Assert.Equal("15:30", (await ReadAsync(admin, W.SchoolA.Id)).Periods.Single(p => p.Id == id).Start);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{url}/{id}", Ct)).StatusCode);
        Assert.Equal(before.Periods.Count, (await ReadAsync(admin, W.SchoolA.Id)).Periods.Count);
    }

    [Fact]
    public async Task Codes_AddUniquePerSchool_RequiredCodesStayOn_NewCodeUsableInRollCall()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var admin = await App.LoginAsync(W.AdminA);
        var url = SetupUrl(W.SchoolA.Id) + "/codes";

        var duplicate = await admin.PostAsJsonAsync(url, new { code = "z", name = "Ziek (dubbel)", category = "sick", guardianMayUse = true }, Ct);
        var added = await admin.PostAsJsonAsync(url, new { code = "EX", name = "Excursie", category = "excused", guardianMayUse = false }, Ct);
        var ov = (await ReadAsync(admin, W.SchoolA.Id)).Codes.Single(c => c.Code == "OV");
        var ovOff = await admin.PutAsJsonAsync($"{url}/{ov.Id}", new { name = ov.Name, category = "unexcused", guardianMayUse = false, active = false }, Ct);

        Assert.Equal("De code Z bestaat al op deze school.", (await ErrorsAsync(duplicate))["code"][0]);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("Code OV is nodig voor de absentieregistratie en kan niet uit.", (await ErrorsAsync(ovOff))["active"][0]);
        Assert.True((await ReadAsync(admin, W.SchoolA.Id)).Codes.Single(c => c.Code == "OV").Active);

        var teacher = await App.LoginAsync(W.TeacherA);
        var day = rc.Day(0).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var put = await teacher.PutAsJsonAsync($"/api/v1/groups/{W.GroupA8.Id}/roll-call",
            new { day, period = 1, entries = new[] { new { learnerId = rc.Cato.Id, state = "absent", code = "EX" } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // Deactivated: no longer offered, and a new roll call line with it is refused.
        var ex = (await ReadAsync(admin, W.SchoolA.Id)).Codes.Single(c => c.Code == "EX");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"{url}/{ex.Id}", new { name = "Excursie", category = "excused", guardianMayUse = false, active = false }, Ct)).StatusCode);
        var refused = await teacher.PutAsJsonAsync($"/api/v1/groups/{W.GroupA8.Id}/roll-call",
            new { day, period = 1, entries = new[] { new { learnerId = rc.Bram.Id, state = "absent", code = "EX" } } }, Ct);
        Assert.Equal("Regel 1: de code 'EX' bestaat niet (meer) op deze school.", (await ErrorsAsync(refused))["entries[0].code"][0]);
    }

    [Fact]
    public async Task Closures_StudyDayMakesRollCallRefuse_OverlapAndEndBeforeStartRefused()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var admin = await App.LoginAsync(W.AdminA);
        var url = SetupUrl(W.SchoolA.Id) + "/closures";
        var day = rc.Day(3);

        var added = await admin.PostAsJsonAsync(url, new { name = "Studiedag team", kind = "studyDay", from = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, Ct);
        var overlap = await admin.PostAsJsonAsync(url, new { name = "Herfst", kind = "holiday", from = day.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = day.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, Ct);
        var backwards = await admin.PostAsJsonAsync(url, new { name = "Kerst", kind = "holiday", from = "2026-12-31", to = "2026-12-19" }, Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal($"Overlapt met Studiedag team ({Amsterdam.Date(day)} t/m {Amsterdam.Date(day)}).", (await ErrorsAsync(overlap))["from"][0]);
        Assert.Equal("De einddatum ligt vóór de begindatum.", (await ErrorsAsync(backwards))["to"][0]);
        Assert.Equal(["Studiedag team"], (await ReadAsync(admin, W.SchoolA.Id)).Closures.Select(c => c.Name));

        var teacher = await App.LoginAsync(W.TeacherA);
        var put = await teacher.PutAsJsonAsync($"/api/v1/groups/{W.GroupA8.Id}/roll-call",
            new { day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), period = 1, entries = new[] { new { learnerId = W.LearnerA.Id, state = "absent" } } }, Ct);
        Assert.Contains("is geen schooldag", (await ErrorsAsync(put))["day"][0]);
    }

    [Fact]
    public async Task Timetable_SecondarySchoolGroup_RollCallOffersOnlyItsLessons()
    {
        var admin = await App.LoginAsync(W.AdminB);
        var url = $"/api/v1/groups/{W.GroupB1.Id}/timetable";
        var bad = await admin.PutAsJsonAsync(url, new { slots = new object[] { new { weekday = "monday", number = 9, subject = "Wiskunde" }, new { weekday = "tuesday", number = 1, subject = "" } } }, Ct);
        var errors = await ErrorsAsync(bad);
        Assert.Equal("Regel 1: deze school heeft geen uur 9 op maandag.", errors["slots[0].number"][0]);
        Assert.Equal("Regel 2: het vak is verplicht.", errors["slots[1].subject"][0]);

        var slots = Enumerable.Range(0, 5).Select(i => (object)new { weekday = ((DayOfWeek)(i + 1)).ToString(), number = 2, subject = "Wiskunde" })
            .Append(new { weekday = "Monday", number = 4, subject = "Engels" }).ToArray();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync(url, new { slots }, Ct)).StatusCode);
        Assert.Equal(6, (await admin.GetFromJsonAsync<List<TimetableSlotView>>(url, Json, Ct))!.Count);

        var rc = await RollCallWorld.OfAsync(App);
        var day = rc.Day(0);
        var view = (await admin.GetFromJsonAsync<RollCallView>($"/api/v1/groups/{W.GroupB1.Id}/roll-call?day={day:yyyy-MM-dd}&period=2", Json, Ct))!;
        Assert.Equal(day.DayOfWeek == DayOfWeek.Monday ? [2, 4] : new[] { 2 }, view.Periods.Select(p => p.Number));
        Assert.Equal("Wiskunde", view.Periods[0].Subject);
        var third = await admin.GetAsync($"/api/v1/groups/{W.GroupB1.Id}/roll-call?day={day:yyyy-MM-dd}&period=3", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
    }

    [Fact]
    public async Task Setup_OtherSchoolOrTeacher_Returns404()
    {
        var adminB = await App.LoginAsync(W.AdminB);
        var teacher = await App.LoginAsync(W.TeacherA);

        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync(SetupUrl(W.SchoolA.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync(SetupUrl(W.SchoolA.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.PutAsJsonAsync($"/api/v1/groups/{W.GroupA8.Id}/timetable", new { slots = Array.Empty<object>() }, Ct)).StatusCode);
    }
}
