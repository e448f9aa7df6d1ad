using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Activities;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Dashboard;
using Leerkluis.Web.Features.Careers.Portal;

namespace Leerkluis.Tests.Careers;

public sealed class ActivityRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RegistrationRefusal_PlacesLeft_Allows() =>
        Assert.Null(ActivityRules.RegistrationRefusal(capacity: 2, registered: 1, alreadyRegistered: false, Now.AddDays(1), Now));

    [Fact]
    public void RegistrationRefusal_Full_SaysFullWithCapacity() =>
        Assert.Equal("Deze activiteit is vol (alle 2 plaatsen zijn bezet). Kies een andere activiteit.",
            ActivityRules.RegistrationRefusal(2, 2, false, Now.AddDays(1), Now));

    [Fact]
    public void RegistrationRefusal_AlreadyRegisteredAndFull_SaysAlreadyRegistered() =>
        Assert.Equal("De kandidaat is al aangemeld voor deze activiteit.", ActivityRules.RegistrationRefusal(1, 1, true, Now.AddDays(1), Now));

    [Fact]
    public void RegistrationRefusal_Started_Refuses() =>
        Assert.StartsWith("Deze activiteit is al begonnen", ActivityRules.RegistrationRefusal(10, 0, false, Now, Now));
}

public sealed class ActivitySqliteTests(SqliteApp app) : ActivityTests<SqliteApp>(app);
public sealed class ActivityPostgresTests(PostgresApp app) : ActivityTests<PostgresApp>(app);

public abstract class ActivityTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<Guid> CreateActivityAsync(HttpClient advisor, Guid region, string title, int capacity, CancellationToken ct)
    {
        var response = await advisor.PostAsJsonAsync("/api/v1/careers/activities",
            new CreateActivityCommand(region, title, "Kennismaken met het vak", DateTime.UtcNow.AddDays(10), "Stadhuis", capacity), ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CareersApi.CreatedId>(ct))!.Id;
    }

    private static async Task<Guid> NewCandidateAsync(HttpClient advisor, Guid region, string first)
    {
        var response = await advisor.PostAsJsonAsync("/api/v1/careers/candidates",
            new CreateCandidateCommand(region, CareersApiTests<TApp>.Profile(first, "Deelnemer", $"{first.ToLowerInvariant()}@test.invalid"), true, null), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CareersApi.CreatedId>(Ct))!.Id;
    }

    private static async Task<string?> FirstErrorAsync(HttpResponseMessage response, string field, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return problem.GetProperty("errors").GetProperty(field)[0].GetString();
    }

    [Fact]
    public async Task Register_FullOrTwice_ClearMessageAndOnePlace()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var activity = await CreateActivityAsync(a, cw.RegionA.Id, "Meeloopdag klein", 1, Ct);
        var first = await NewCandidateAsync(a, cw.RegionA.Id, "Eerste");
        var second = await NewCandidateAsync(a, cw.RegionA.Id, "Tweede");

        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations", new RegisterCommand(first), Ct)).StatusCode);
        Assert.Equal("De kandidaat is al aangemeld voor deze activiteit.",
            await FirstErrorAsync(await a.PostAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations", new RegisterCommand(first), Ct), "activityId", Ct));
        Assert.Equal("Deze activiteit is vol (alle 1 plaatsen zijn bezet). Kies een andere activiteit.",
            await FirstErrorAsync(await a.PostAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations", new RegisterCommand(second), Ct), "activityId", Ct));

        var detail = await a.GetFromJsonAsync<ActivityDetail>($"/api/v1/careers/activities/{activity}", Ct);
        Assert.Equal(["Eerste Deelnemer"], detail!.Registrations.Select(r => r.CandidateName));
        Assert.Equal(0, detail.Activity.FreePlaces);
    }

    [Fact]
    public async Task Register_ConcurrentForLastPlaces_NeverOverCapacity()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var activity = await CreateActivityAsync(a, cw.RegionA.Id, "Drukke meeloopdag", 2, Ct);
        var candidates = new List<Guid>();
        for (var i = 0; i < 6; i++) candidates.Add(await NewCandidateAsync(a, cw.RegionA.Id, $"Gelijktijdig{i}"));
        var clients = await Task.WhenAll(candidates.Select(_ => App.LoginAsync(cw.AdvisorA)));
        var responses = await Task.WhenAll(candidates.Select((c, i) => clients[i].PostAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations", new RegisterCommand(c), Ct)));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(2, (await a.GetFromJsonAsync<ActivityDetail>($"/api/v1/careers/activities/{activity}", Ct))!.Registrations.Count);
    }

    [Fact]
    public async Task Activities_OtherRegion_ListedButRegistrationsAndAttendance404()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var activity = await CreateActivityAsync(a, cw.RegionA.Id, "Informatieavond regio A", 30, Ct);
        var candidate = await NewCandidateAsync(a, cw.RegionA.Id, "Avond");
        var reg = await (await a.PostAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations", new RegisterCommand(candidate), Ct))
            .Content.ReadFromJsonAsync<CareersApi.CreatedId>(Ct);

        var b = await App.LoginAsync(cw.AdvisorB);
        var listed = (await b.GetFromJsonAsync<List<ActivityView>>("/api/v1/careers/activities", Ct))!.Single(x => x.Id == activity);
        Assert.Equal(("Testregio A", false, 1), (listed.RegionName, listed.OwnRegion, listed.Registered));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/careers/activities/{activity}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await b.PutAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations/{reg!.Id}", new AttendanceCommand(AttendanceStatus.NoShow), Ct)).StatusCode);
        // Region B may not register region A's unshared candidate either.
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations", new RegisterCommand(candidate), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent,
            (await a.PutAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations/{reg.Id}", new AttendanceCommand(AttendanceStatus.Attended), Ct)).StatusCode);
        var dashboard = await a.GetFromJsonAsync<DashboardView>($"/api/v1/careers/dashboard?regionId={cw.RegionA.Id}", Ct);
        Assert.Contains(new Bar("aanwezig", 1), dashboard!.Attendance);
        var card = await a.GetFromJsonAsync<JsonElement>($"/api/v1/careers/candidates/{candidate}", Ct);
        Assert.Contains(card.GetProperty("history").EnumerateArray(), h => h.GetProperty("what").GetString()!.StartsWith("Informatieavond regio A (", StringComparison.Ordinal) &&
            h.GetProperty("what").GetString()!.EndsWith("): aanwezig.", StringComparison.Ordinal) && h.GetProperty("kind").GetString() == "Activity");
    }

    [Fact]
    public async Task Portal_RegisterForOwnRegion_ShownOnRouteAndOtherRegionHidden()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var own = await CreateActivityAsync(a, cw.RegionA.Id, "Proefles wiskunde", 5, Ct);
        var other = await CreateActivityAsync(await App.LoginAsync(cw.AdvisorB), cw.RegionB.Id, "Open dag regio B", 5, Ct);
        var (user, _) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "portaal-activiteit@test.invalid");
        var me = await App.LoginAsync(user);

        var offered = await me.GetFromJsonAsync<List<PortalActivity>>("/api/v1/careers/me/activities", Ct);
        Assert.Contains(offered!, x => x.Activity.Id == own && !x.Registered);
        Assert.DoesNotContain(offered!, x => x.Activity.Id == other);
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostAsync($"/api/v1/careers/me/activities/{other}/registration", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await me.PostAsync($"/api/v1/careers/me/activities/{own}/registration", null, Ct)).StatusCode);
        Assert.Equal("De kandidaat is al aangemeld voor deze activiteit.",
            await FirstErrorAsync(await me.PostAsync($"/api/v1/careers/me/activities/{own}/registration", null, Ct), "activityId", Ct));
        var view = await me.GetFromJsonAsync<PortalView>("/api/v1/careers/me", Ct);
        Assert.Contains(view!.Route, h => h.Kind == ContactKind.Activity && h.What.StartsWith("Aangemeld voor Proefles wiskunde", StringComparison.Ordinal));
        Assert.Contains((await me.GetFromJsonAsync<List<PortalActivity>>("/api/v1/careers/me/activities", Ct))!, x => x.Activity.Id == own && x.Registered);
    }

    [Fact]
    public async Task Pages_ActivityAndPortal_ShowRegistration()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var activity = await CreateActivityAsync(a, cw.RegionA.Id, "Gastles natuurkunde", 12, Ct);
        var (user, candidate) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "pagina-activiteit@test.invalid");
        Assert.Contains("Gastles natuurkunde", await (await App.LoginAsync(user)).GetStringAsync("/Overstapper", Ct));
        await a.PostAsJsonAsync($"/api/v1/careers/activities/{activity}/registrations", new RegisterCommand(candidate), Ct);

        Assert.Contains("Gastles natuurkunde", await a.GetStringAsync("/Regio/Activiteiten", Ct));
        var page = await a.GetStringAsync($"/Regio/Activiteit/{activity}", Ct);
        Assert.Contains("Erik Wisser", page);
        Assert.Contains("1 aangemeld, 12 plaatsen", page);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(cw.AdvisorB)).GetAsync($"/Regio/Activiteit/{activity}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Activities_WrongRole_Returns404()
    {
        var cw = await CareersWorld.ForAsync(App);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(W.TeacherA)).GetAsync("/api/v1/careers/activities", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(cw.CandidateUser)).GetAsync("/api/v1/careers/activities", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(cw.AdvisorA)).GetAsync("/api/v1/careers/me/activities", Ct)).StatusCode);
    }

    [Fact]
    public async Task CreateActivity_PastOrNoPlaces_FieldErrors()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var response = await a.PostAsJsonAsync("/api/v1/careers/activities", new CreateActivityCommand(cw.RegionA.Id, "Te laat", null, DateTime.UtcNow.AddDays(-1), "Hier", 0), Ct);
        Assert.Equal("De activiteit moet in de toekomst liggen.", await FirstErrorAsync(response, "startsUtc", Ct));
        var problem = await (await a.PostAsJsonAsync("/api/v1/careers/activities", new CreateActivityCommand(cw.RegionA.Id, "Nul", null, DateTime.UtcNow.AddDays(1), "Hier", 0), Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Het aantal plaatsen ligt tussen 1 en 10.000.", problem.GetProperty("errors").GetProperty("capacity")[0].GetString());
    }
}
