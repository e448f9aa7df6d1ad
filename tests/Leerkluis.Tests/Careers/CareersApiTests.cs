using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Catalog;
using Leerkluis.Web.Features.Careers.Dashboard;
using Leerkluis.Web.Features.Careers.Matching;
using Leerkluis.Web.Features.Careers.Portal;

namespace Leerkluis.Tests.Careers;

public sealed class CareersApiSqliteTests(SqliteApp app) : CareersApiTests<SqliteApp>(app);
public sealed class CareersApiPostgresTests(PostgresApp app) : CareersApiTests<PostgresApp>(app);

public abstract class CareersApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static CandidateProfile Profile(string first, string last, string? email = null, string? phone = null, DateOnly? born = null,
        string[]? subjects = null, bool po = false, bool vo = true) =>
        new(first, last, email, phone, born, "Utrecht", "Master wiskunde", EducationLevel.Wo, "Actuaris", subjects ?? ["wiskunde"], po, vo, false, [],
            new DateOnly(2027, 1, 1), 24, ["zij-instroom"], []);

    private static async Task<Guid> CreateAsync(HttpClient client, Guid region, CandidateProfile p)
    {
        var response = await client.PostAsJsonAsync("/api/v1/careers/candidates", new CreateCandidateCommand(region, p, true, null), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CareersApi.CreatedId>(Ct))!.Id;
    }

    [Fact]
    public async Task GetCandidate_OtherRegionUnshared_Returns404UntilShared()
    {
        var cw = await CareersWorld.ForAsync(App);
        var b = await App.LoginAsync(cw.AdvisorB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/careers/candidates/{cw.CandidateOfA}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/v1/careers/candidates/{cw.CandidateOfA}/advance", null, Ct)).StatusCode);
        var list = await b.GetFromJsonAsync<CandidatePage>("/api/v1/careers/candidates?q=overstapper", Json, Ct);
        Assert.DoesNotContain(list!.Rows, r => r.Id == cw.CandidateOfA);

        var a = await App.LoginAsync(cw.AdvisorA);
        var other = await CreateAsync(a, cw.RegionA.Id, Profile("Gedeelde", "Kandidaat", "gedeeld@test.invalid"));
        Assert.Equal(HttpStatusCode.NoContent, (await a.PostAsJsonAsync($"/api/v1/careers/candidates/{other}/shares", new ShareCommand(cw.RegionB.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/api/v1/careers/candidates/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/careers/candidates/{cw.CandidateOfA}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Handover_ToOtherRegion_NewRegionSeesHistoryOldRegionGets404()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var candidate = await CreateAsync(a, cw.RegionA.Id, Profile("Verhuizende", "Kandidaat", "verhuist@test.invalid"));
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync($"/api/v1/careers/candidates/{candidate}/advance", null, Ct)).StatusCode);

        var handover = await a.PostAsJsonAsync($"/api/v1/careers/candidates/{candidate}/handover", new ShareCommand(cw.RegionB.Id), Ct);

        Assert.True(handover.IsSuccessStatusCode, $"handover answered {(int)handover.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/careers/candidates/{candidate}", Ct)).StatusCode);
        var b = await App.LoginAsync(cw.AdvisorB);
        var card = await b.GetFromJsonAsync<JsonElement>($"/api/v1/careers/candidates/{candidate}", Json, Ct);
        var history = card.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()).ToList();
        Assert.Contains(history, w => w!.StartsWith("Overgedragen van regio", StringComparison.Ordinal));
        // The phase change made in region A travels with the candidate.
        Assert.True(history.Count >= 2, string.Join(" | ", history));
    }

    [Fact]
    public async Task CareersApi_WrongRole_Returns404()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync("/api/v1/careers/candidates", Ct)).StatusCode);
        var cw = await CareersWorld.ForAsync(App);
        var candidate = await App.LoginAsync(cw.CandidateUser);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync($"/api/v1/careers/candidates/{cw.CandidateOfA}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Advance_AsOwnAdvisor_RecordsHistoryAndCandidateSeesPhase()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var id = await CreateAsync(a, cw.RegionA.Id, Profile("Fase", "Loper"));
        var result = await (await a.PostAsync($"/api/v1/careers/candidates/{id}/advance", null, Ct)).Content.ReadFromJsonAsync<CandidatesApi.PhaseResult>(Json, Ct);
        Assert.Equal(Phase.Orientation, result!.Phase);
        var card = await a.GetFromJsonAsync<JsonElement>($"/api/v1/careers/candidates/{id}", Ct);
        var history = card.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("what").GetString(), h.GetProperty("author").GetString())).ToList();
        Assert.Contains(("Fase 1. Interesse → 2. Oriëntatie", "adviseur.a"), history);

        // The portal shows the candidate's own phase after the advisor moved it.
        var own = await a.PostAsync($"/api/v1/careers/candidates/{cw.CandidateOfA}/advance", null, Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var me = await (await App.LoginAsync(cw.CandidateUser)).GetFromJsonAsync<PortalView>("/api/v1/careers/me", Json, Ct);
        Assert.True(me!.Phase >= Phase.Orientation);
        Assert.Equal(CareerCodes.NextStep(me.Phase), me.NextStep);
    }

    [Fact]
    public async Task Search_BySubjectSectorAndPhase_FiltersRows()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var maths = await CreateAsync(a, cw.RegionA.Id, Profile("Filter", "Wiskundig", subjects: ["wiskunde"]));
        var english = await CreateAsync(a, cw.RegionA.Id, Profile("Filter", "Engelstalig", subjects: ["engels"], po: true, vo: false));
        var bySubject = await a.GetFromJsonAsync<CandidatePage>("/api/v1/careers/candidates?q=filter&subject=wiskunde", Json, Ct);
        Assert.Equal([maths], bySubject!.Rows.Select(r => r.Id));
        var bySector = await a.GetFromJsonAsync<CandidatePage>("/api/v1/careers/candidates?q=filter&sector=Po", Json, Ct);
        Assert.Equal([english], bySector!.Rows.Select(r => r.Id));
        var byPhase = await a.GetFromJsonAsync<CandidatePage>("/api/v1/careers/candidates?q=filter&phase=Start", Json, Ct);
        Assert.Empty(byPhase!.Rows);
        var csv = await a.GetStringAsync("/api/v1/careers/candidates.csv?q=filter", Ct);
        Assert.Contains("Filter;Wiskundig;", csv);
        Assert.Contains("Filter;Engelstalig;", csv);
    }

    [Fact]
    public async Task Merge_DuplicateByEmail_KeepsAllHistoryAndRemovesDuplicate()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var first = await CreateAsync(a, cw.RegionA.Id, Profile("Dubbel", "Persoon", "dubbel@test.invalid", subjects: ["wiskunde"]));
        var second = await CreateAsync(a, cw.RegionA.Id, Profile("D.", "Persoon", "DUBBEL@test.invalid", "06 99998888", subjects: ["natuurkunde"]));
        await a.PostAsJsonAsync($"/api/v1/careers/candidates/{second}/contacts", new AddContactCommand(ContactKind.Call, "Gebeld over de zij-instroom"), Ct);

        var duplicates = await a.GetFromJsonAsync<List<DuplicateView>>($"/api/v1/careers/candidates/{first}/duplicates", Json, Ct);
        var dup = Assert.Single(duplicates!);
        Assert.Equal((second, "zelfde e-mailadres"), (dup.Id, string.Join(", ", dup.Reasons)));

        Assert.Equal(HttpStatusCode.NoContent, (await a.PostAsJsonAsync($"/api/v1/careers/candidates/{first}/merge", new MergeCommand(second), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/careers/candidates/{second}", Ct)).StatusCode);
        var card = await a.GetFromJsonAsync<JsonElement>($"/api/v1/careers/candidates/{first}", Ct);
        var what = card.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()!).ToList();
        Assert.Contains("Gebeld over de zij-instroom", what);
        Assert.Equal(2, what.Count(w => w.StartsWith("Ingeschreven", StringComparison.Ordinal)));
        Assert.Contains(what, w => w.StartsWith("Samengevoegd met dubbele registratie: D. Persoon", StringComparison.Ordinal));
        var profile = card.GetProperty("profile");
        Assert.Equal("06 99998888", profile.GetProperty("phone").GetString());
        Assert.Equal(["wiskunde", "natuurkunde"], profile.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Matches_MathsCandidate_BestVacancyFirstWithFactors()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var id = await CreateAsync(a, cw.RegionA.Id, Profile("Match", "Maker", subjects: ["wiskunde"]));
        var start = new DateOnly(2027, 8, 1);
        await a.PostAsJsonAsync("/api/v1/careers/vacancies", new CreateVacancyCommand(cw.RegionA.Id, null, "Docent wiskunde", "wiskunde", Sector.Vo, 20, start, EducationLevel.Hbo), Ct);
        await a.PostAsJsonAsync("/api/v1/careers/vacancies", new CreateVacancyCommand(cw.RegionA.Id, null, "Leerkracht groep 5", "groepsleerkracht", Sector.Po, 32, start, EducationLevel.Hbo), Ct);
        var matches = await a.GetFromJsonAsync<List<MatchView>>($"/api/v1/careers/candidates/{id}/matches", Json, Ct);
        var best = matches![0];
        Assert.Equal(("Docent wiskunde", 100), (best.Title, best.Score.Total));
        var low = matches.Single(m => m.Title == "Leerkracht groep 5");
        Assert.Equal(0, low.Score.Factors.Single(f => f.Name == "Vak").Points);
        Assert.Equal(0, low.Score.Factors.Single(f => f.Name == "Sector").Points);
        Assert.Equal(5, low.Score.Factors.Count);
    }

    [Fact]
    public async Task Portal_ExportWithdrawErase_CandidateOwnDataOnly()
    {
        var cw = await CareersWorld.ForAsync(App);
        var me = await App.LoginAsync(cw.CandidateUser);
        var export = await me.GetFromJsonAsync<JsonElement>("/api/v1/careers/me/export", Ct);
        Assert.Equal("Olaf", export.GetProperty("profile").GetProperty("firstName").GetString());
        Assert.True(export.GetProperty("phaseChanges").GetArrayLength() >= 1);

        var update = CandidateProfile.Of(new Candidate { FirstName = "Olaf", LastName = "Overstapper", Email = "overstapper@test.invalid", Subjects = ["wiskunde", "informatica"], InterestVo = true });
        Assert.Equal(HttpStatusCode.NoContent, (await me.PutAsJsonAsync("/api/v1/careers/me/profile", update, Ct)).StatusCode);
        var bad = await me.PutAsJsonAsync("/api/v1/careers/me/profile", update with { Subjects = ["toveren"] }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Onbekend vak: toveren.", await bad.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsync("/api/v1/careers/me/consent/withdraw", null, Ct)).StatusCode);
        var view = await me.GetFromJsonAsync<PortalView>("/api/v1/careers/me", Json, Ct);
        Assert.False(view!.HasConsent);
    }

    [Fact]
    public async Task Pages_BoardCardAndPortal_ShowTheCandidate()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var board = await a.GetStringAsync("/Regio", Ct);
        Assert.Contains($"/Regio/Kandidaat/{cw.CandidateOfA}", board);
        Assert.Contains("1. Interesse", board);
        var card = await a.GetStringAsync($"/Regio/Kandidaat/{cw.CandidateOfA}", Ct);
        Assert.Contains("Olaf Overstapper", card);
        Assert.Contains("Passende vacatures en opleidingen", card);
        var list = await a.GetStringAsync("/Regio?weergave=lijst&q=overstapper", Ct);
        Assert.Contains("1 kandidaten gevonden", list);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(cw.AdvisorB)).GetAsync($"/Regio/Kandidaat/{cw.CandidateOfA}", Ct)).StatusCode);

        var portal = await (await App.LoginAsync(cw.CandidateUser)).GetStringAsync("/Overstapper", Ct);
        Assert.Contains("Mijn route naar het onderwijs", portal);
        Assert.Contains("Testregio A", portal);
    }

    [Fact]
    public async Task Erase_AsCandidate_RemovesCandidateHistoryAndLogin()
    {
        var cw = await CareersWorld.ForAsync(App);
        var (user, id) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "wisser@test.invalid");
        var me = await App.LoginAsync(user);
        var refused = await me.PostAsJsonAsync("/api/v1/careers/me/erase", new PortalApi.EraseRequest("ja"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Typ VERWIJDER", await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsJsonAsync("/api/v1/careers/me/erase", new PortalApi.EraseRequest("VERWIJDER"), Ct)).StatusCode);
        var advisor = await App.LoginAsync(cw.AdvisorA);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/v1/careers/candidates/{id}", Ct)).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.LoginAsync(user));
    }

    [Fact]
    public async Task Dashboard_MathsCandidatesInRegion_CountedAndDrawn()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var before = await a.GetFromJsonAsync<DashboardView>($"/api/v1/careers/dashboard?regionId={cw.RegionA.Id}", Json, Ct);
        var maths = before!.BySubject.SingleOrDefault(b => b.Label == "Wiskunde")?.Value ?? 0;
        await CreateAsync(a, cw.RegionA.Id, Profile("Dash", "Board", subjects: ["wiskunde"]));
        var after = await a.GetFromJsonAsync<DashboardView>($"/api/v1/careers/dashboard?regionId={cw.RegionA.Id}", Json, Ct);
        Assert.Equal(maths + 1, after!.BySubject.Single(b => b.Label == "Wiskunde").Value);
        Assert.Equal(after.Total, after.Funnel[0].Value);

        var page = await a.GetStringAsync("/Regio/Dashboard", Ct);
        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Contains("<th scope=\"row\">Wiskunde</th>", page);
        var b = await App.LoginAsync(cw.AdvisorB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/careers/dashboard?regionId={cw.RegionA.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Organisations_PartnerWithContact_ShownPerRegionWithEmbedCode()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var created = await a.PostAsJsonAsync("/api/v1/careers/partners", new CreatePartnerCommand(cw.RegionA.Id, "Het Testlyceum", PartnerKind.School, "Utrecht"), Ct);
        var partner = (await created.Content.ReadFromJsonAsync<CareersApi.CreatedId>(Ct))!.Id;
        await a.PostAsJsonAsync($"/api/v1/careers/partners/{partner}/contacts", new AddContactPersonCommand("Petra Personeel", "HR-adviseur", "petra@test.invalid", null), Ct);
        var page = await a.GetStringAsync("/Regio/Organisaties", Ct);
        Assert.Contains("Het Testlyceum", page);
        Assert.Contains("Petra Personeel, HR-adviseur", page);
        Assert.Contains($"data-key=&quot;{cw.RegionA.IntakeKey}&quot;", page);
        Assert.DoesNotContain(cw.RegionB.IntakeKey, page);

        var b = await App.LoginAsync(cw.AdvisorB);
        var foreign = await b.PostAsJsonAsync($"/api/v1/careers/partners/{partner}/contacts", new AddContactPersonCommand("Indringer", null, null, null), Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
