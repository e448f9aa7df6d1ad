using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.CompulsoryEducation;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Leave;
using Microsoft.EntityFrameworkCore;
using static Leerkluis.Tests.Attendance.GuardianAttendanceArrange;

namespace Leerkluis.Tests.Attendance;

public sealed class LeaveApiSqliteTests(SqliteApp app) : LeaveApiTests<SqliteApp>(app);
public sealed class LeaveApiPostgresTests(PostgresApp app) : LeaveApiTests<PostgresApp>(app);

/// <summary>Leave requests through HTTP: the rules, the evidence check, who decides, and what a grant does to the absence record.</summary>
public abstract class LeaveApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid learnerId, string kind, DateOnly from, DateOnly to,
        string reason = "Huwelijk van een oom", (string Name, byte[] Content)? evidence = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" }, { new StringContent(Iso(from)), "from" }, { new StringContent(Iso(to)), "to" },
            { new StringContent(reason), "reason" },
        };
        if (evidence is { } e) form.Add(new ByteArrayContent(e.Content), "evidence", e.Name);
        return await client.PostAsync($"/api/v1/learners/{learnerId}/leave-requests", form, Ct);
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
    }

    private Task<int> RequestCountAsync() => QueryAsync(App, db => db.Set<LeaveRequest>().CountAsync(r => r.LearnerId == W.LearnerA.Id, Ct));

    [Fact]
    public async Task Decide_HeadGrantsImportantCircumstances_LeaveNoticeCoversTheDays()
    {
        var from = SchoolDaysAfter(Today(App).AddDays(14), 0);
        var to = SchoolDaysAfter(from, 1);
        var parent = await App.LoginAsync(W.ParentA);
        var id = await IdAsync(await SubmitAsync(parent, W.LearnerA.Id, "ImportantCircumstances", from, to, evidence: ("uitnodiging.png", Png)));

        var admin = await App.LoginAsync(W.AdminA);
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/v1/leave-requests", Ct);
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.GetProperty("schoolDays").GetInt32() == 2);
        var evidence = await admin.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/evidence", Ct);
        Assert.Equal("image/png", evidence.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await evidence.Content.ReadAsByteArrayAsync(Ct));

        var decided = await admin.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/decision", new { grant = true, reason = "Fijne bruiloft" }, Ct);

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var view = await parent.GetFromJsonAsync<JsonElement>($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}", Ct);
        Assert.Equal("granted", view.GetProperty("status").GetString());
        Assert.Equal("Fijne bruiloft", view.GetProperty("decisionReason").GetString());
        var history = await parent.GetFromJsonAsync<JsonElement>($"/api/v1/learners/{W.LearnerA.Id}/absences?to={Iso(to)}", Ct);
        var notice = history.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == view.GetProperty("noticeId").GetGuid());
        Assert.Equal("VL", notice.GetProperty("code").GetString());
        Assert.Equal("leave", notice.GetProperty("source").GetString());
        Assert.Equal(Iso(from), notice.GetProperty("from").GetString());
        Assert.Equal(Iso(to), notice.GetProperty("to").GetString());
        var twice = await ErrorsAsync(await admin.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/decision", new { grant = false, reason = "toch niet" }, Ct));
        Assert.Equal("Over deze aanvraag is al beslist.", twice.GetProperty("grant")[0].GetString());
    }

    [Fact]
    public async Task Decide_ImportantCircumstancesOverTenDays_OnlyTheHomeOfficerDecides()
    {
        var from = SchoolDayFrom(Today(App).AddDays(7));
        var to = SchoolDaysAfter(from, 11);
        var parent = await App.LoginAsync(W.ParentA);
        var id = await IdAsync(await SubmitAsync(parent, W.LearnerA.Id, "ImportantCircumstances", from, to, "Begrafenis in het buitenland"));
        var view = await parent.GetFromJsonAsync<JsonElement>($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}", Ct);
        Assert.Equal("attendanceOfficer", view.GetProperty("decider").GetString());
        Assert.Equal(12, view.GetProperty("schoolDays").GetInt32());

        var admin = await App.LoginAsync(W.AdminA);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/decision", new { grant = true }, Ct)).StatusCode);
        var elsewhere = await App.LoginAsync(await LeerplichtArrange.OfficerAsync(App.Services, "0307", "Amersfoort"));
        Assert.DoesNotContain((await elsewhere.GetFromJsonAsync<JsonElement>("/api/v1/leave-requests", Ct)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound,
            (await elsewhere.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/decision", new { grant = true }, Ct)).StatusCode);

        var officer = await App.LoginAsync(await LeerplichtArrange.OfficerAsync(App.Services, "0344", "Utrecht"));
        Assert.Contains((await officer.GetFromJsonAsync<JsonElement>("/api/v1/leave-requests", Ct)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var noReason = await ErrorsAsync(await officer.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/decision", new { grant = false }, Ct));
        Assert.Equal("Geef de reden van de afwijzing; de ouders zien die.", noReason.GetProperty("reason")[0].GetString());
        var refused = await officer.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/decision",
            new { grant = false, reason = "Twaalf dagen is te lang; vijf dagen kan wel." }, Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        view = await parent.GetFromJsonAsync<JsonElement>($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}", Ct);
        Assert.Equal("refused", view.GetProperty("status").GetString());
        Assert.Equal("Twaalf dagen is te lang; vijf dagen kan wel.", view.GetProperty("decisionReason").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("noticeId").ValueKind);
    }

    [Fact]
    public async Task Submit_HolidayLeaveOverTenDays_BadRequestAndNothingStored()
    {
        var before = await RequestCountAsync();
        var from = SchoolDayFrom(Today(App).AddDays(30));
        var parent = await App.LoginAsync(W.ParentA);

        var errors = await ErrorsAsync(await SubmitAsync(parent, W.LearnerA.Id, "Holiday", from, SchoolDaysAfter(from, 11), "Seizoenswerk"));

        Assert.Contains(errors.GetProperty("to").EnumerateArray(), m => m.GetString() == "Vakantieverlof is ten hoogste 10 schooldagen; deze aanvraag omvat 12 schooldagen.");
        Assert.Equal(before, await RequestCountAsync());
    }

    [Fact]
    public async Task Submit_EvidenceThatIsNoPdfOrImage_BadRequest()
    {
        var before = await RequestCountAsync();
        var from = SchoolDayFrom(Today(App).AddDays(20));
        var parent = await App.LoginAsync(W.ParentA);

        var errors = await ErrorsAsync(await SubmitAsync(parent, W.LearnerA.Id, "ImportantCircumstances", from, from,
            evidence: ("brief.pdf", "<html><script>alert(1)</script></html>"u8.ToArray())));

        Assert.Equal("Het bewijsstuk moet een pdf, jpg of png zijn.", errors.GetProperty("evidence")[0].GetString());
        Assert.Equal(before, await RequestCountAsync());
    }

    [Fact]
    public async Task Withdraw_WhileSubmitted_NoLongerInQueueAndCannotBeDecided()
    {
        var from = SchoolDayFrom(Today(App).AddDays(21));
        var parent = await App.LoginAsync(W.ParentA);
        var id = await IdAsync(await SubmitAsync(parent, W.LearnerA.Id, "ImportantCircumstances", from, from, "Jubileum opa en oma"));
        var stranger = await App.LoginAsync(W.ParentB);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/withdraw", null, Ct)).StatusCode);

        var withdrawn = await parent.PostAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/withdraw", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        var admin = await App.LoginAsync(W.AdminA);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/v1/leave-requests", Ct)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var errors = await ErrorsAsync(await admin.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/leave-requests/{id}/decision", new { grant = true }, Ct));
        Assert.Equal("Over deze aanvraag is al beslist.", errors.GetProperty("grant")[0].GetString());
    }

    [Fact]
    public async Task Submit_OtherGuardiansChild_NotFoundAndNothingStored()
    {
        var before = await RequestCountAsync();
        var stranger = await App.LoginAsync(W.ParentB);
        var from = SchoolDayFrom(Today(App).AddDays(20));

        var response = await SubmitAsync(stranger, W.LearnerA.Id, "ImportantCircumstances", from, from);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await RequestCountAsync());
    }
}
