using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Introductions;
using Leerkluis.Web.Features.Careers.Matching;

namespace Leerkluis.Tests.Careers;

public sealed class IntroductionRulesTests
{
    [Theory]
    [InlineData(IntroductionStatus.Proposed, IntroductionStatus.Accepted, true)]
    [InlineData(IntroductionStatus.Proposed, IntroductionStatus.Declined, true)]
    [InlineData(IntroductionStatus.Proposed, IntroductionStatus.Started, false)]
    [InlineData(IntroductionStatus.Accepted, IntroductionStatus.Started, true)]
    [InlineData(IntroductionStatus.Accepted, IntroductionStatus.Declined, true)]
    [InlineData(IntroductionStatus.Declined, IntroductionStatus.Accepted, false)]
    [InlineData(IntroductionStatus.Started, IntroductionStatus.Declined, false)]
    [InlineData(IntroductionStatus.Accepted, IntroductionStatus.Accepted, false)]
    public void MayMove_StatusPath_OnlyForward(IntroductionStatus from, IntroductionStatus to, bool expected) =>
        Assert.Equal(expected, IntroductionRules.MayMove(from, to));
}

public sealed class IntroductionSqliteTests(SqliteApp app) : IntroductionTests<SqliteApp>(app);
public sealed class IntroductionPostgresTests(PostgresApp app) : IntroductionTests<PostgresApp>(app);

public abstract class IntroductionTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> NewCandidateAsync(HttpClient advisor, Guid region, string first, bool consent = true)
    {
        var response = await advisor.PostAsJsonAsync("/api/v1/careers/candidates",
            new CreateCandidateCommand(region, CareersApiTests<TApp>.Profile(first, "Wiskundig", $"{first.ToLowerInvariant()}@test.invalid"), consent, null), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CareersApi.CreatedId>(Ct))!.Id;
    }

    private static async Task<Guid> ProposeAsync(HttpClient advisor, Guid candidate, MatchKind kind, Guid target)
    {
        var response = await advisor.PostAsJsonAsync($"/api/v1/careers/candidates/{candidate}/introductions", new ProposeCommand(kind, target), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CareersApi.CreatedId>(Ct))!.Id;
    }

    [Fact]
    public async Task Introduction_HrOfBoard_SeesCandidateAndMovesStatusWithHistory()
    {
        var cw = await CareersWorld.ForAsync(App);
        var pw = await PartnerWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var candidate = await NewCandidateAsync(a, cw.RegionA.Id, "Hanna");
        var intro = await ProposeAsync(a, candidate, MatchKind.Vacancy, pw.Vacancy);
        var again = await a.PostAsJsonAsync($"/api/v1/careers/candidates/{candidate}/introductions", new ProposeCommand(MatchKind.Vacancy, pw.Vacancy), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var hr = await App.LoginAsync(pw.Hr);
        var vacancies = await hr.GetFromJsonAsync<List<PartnerVacancyView>>("/api/v1/careers/hr/vacancies", Ct);
        var vacancy = Assert.Single(vacancies!);
        Assert.Equal("Docent wiskunde Testcollege", vacancy.Title);
        var shown = Assert.Single(vacancy.Introductions, i => i.CandidateId == candidate);
        Assert.Equal(("Hanna Wiskundig", "hanna@test.invalid", IntroductionStatus.Proposed), (shown.CandidateName, shown.CandidateEmail, shown.Status));
        Assert.DoesNotContain(vacancy.Matches, m => m.CandidateId == candidate);

        Assert.Equal(HttpStatusCode.NoContent, (await hr.PutAsJsonAsync($"/api/v1/careers/hr/introductions/{intro}/status", new IntroductionStatusCommand(IntroductionStatus.Accepted), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await hr.PutAsJsonAsync($"/api/v1/careers/hr/introductions/{intro}/status", new IntroductionStatusCommand(IntroductionStatus.Started), Ct)).StatusCode);
        var late = await hr.PutAsJsonAsync($"/api/v1/careers/hr/introductions/{intro}/status", new IntroductionStatusCommand(IntroductionStatus.Declined), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal("Van gestart naar afgewezen kan niet.", (await late.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("status")[0].GetString());

        var history = (await a.GetFromJsonAsync<List<IntroductionView>>($"/api/v1/careers/candidates/{candidate}/introductions", Ct))!.Single().History;
        Assert.Equal([(IntroductionStatus.Proposed, "adviseur.a"), (IntroductionStatus.Accepted, "hr.testbestuur"), (IntroductionStatus.Started, "hr.testbestuur")],
            history.Select(h => (h.To, h.AuthorName)));
        var raw = await a.GetStringAsync($"/api/v1/careers/candidates/{candidate}/introductions", Ct);
        Assert.Contains("\"status\":\"Started\"", raw);
    }

    [Fact]
    public async Task Introduction_WrongBoardOrRole_Returns404()
    {
        var cw = await CareersWorld.ForAsync(App);
        var pw = await PartnerWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var intro = await ProposeAsync(a, await NewCandidateAsync(a, cw.RegionA.Id, "Bram"), MatchKind.Vacancy, pw.Vacancy);

        var other = await App.LoginAsync(pw.OtherHr);
        var theirs = await other.GetFromJsonAsync<List<PartnerVacancyView>>("/api/v1/careers/hr/vacancies", Ct);
        Assert.Equal([pw.OtherVacancy], theirs!.Select(v => v.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/careers/hr/introductions/{intro}/status", new IntroductionStatusCommand(IntroductionStatus.Accepted), Ct)).StatusCode);
        var coordinator = await App.LoginAsync(pw.Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync($"/api/v1/careers/training/introductions/{intro}/status", new IntroductionStatusCommand(IntroductionStatus.Accepted), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/v1/careers/hr/vacancies", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/api/v1/careers/hr/vacancies", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(W.TeacherA)).GetAsync("/api/v1/careers/training/programmes", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(pw.Hr)).GetAsync("/api/v1/careers/candidates", Ct)).StatusCode);
        // Advisor B does not work region A's candidate, so cannot answer the introduction either.
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(cw.AdvisorB)).PutAsJsonAsync($"/api/v1/careers/introductions/{intro}/status", new IntroductionStatusCommand(IntroductionStatus.Declined), Ct)).StatusCode);
    }

    [Fact]
    public async Task Propose_WithoutConsent_ClearErrorAndNotShownToPartners()
    {
        var cw = await CareersWorld.ForAsync(App);
        var pw = await PartnerWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var candidate = await NewCandidateAsync(a, cw.RegionA.Id, "Zonder", consent: false);
        var response = await a.PostAsJsonAsync($"/api/v1/careers/candidates/{candidate}/introductions", new ProposeCommand(MatchKind.Programme, pw.Programme), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Deze kandidaat heeft geen toestemming", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("candidateId")[0].GetString());

        var programmes = await (await App.LoginAsync(pw.Coordinator)).GetFromJsonAsync<List<PartnerProgrammeView>>("/api/v1/careers/training/programmes", Ct);
        var programme = Assert.Single(programmes!);
        Assert.DoesNotContain(programme.Interested, m => m.CandidateId == candidate);
    }

    [Fact]
    public async Task Coordinator_InterestedAndIntroduced_SeesThemUntilConsentWithdrawn()
    {
        var cw = await CareersWorld.ForAsync(App);
        var pw = await PartnerWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var interested = await NewCandidateAsync(a, cw.RegionA.Id, "Geinteresseerd");
        var (user, portalCandidate) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "intro-portaal@test.invalid");
        await a.PutAsJsonAsync($"/api/v1/careers/candidates/{portalCandidate}", CareersApiTests<TApp>.Profile("Erik", "Wisser", "intro-portaal@test.invalid"), Ct);
        var intro = await ProposeAsync(a, portalCandidate, MatchKind.Programme, pw.Programme);

        var coordinator = await App.LoginAsync(pw.Coordinator);
        var programme = Assert.Single((await coordinator.GetFromJsonAsync<List<PartnerProgrammeView>>("/api/v1/careers/training/programmes", Ct))!);
        var match = Assert.Single(programme.Interested, m => m.CandidateId == interested);
        Assert.True(match.Score >= CandidateIntroductions.MinimumMatchScore);
        Assert.Equal(intro, Assert.Single(programme.Introductions).Id);
        Assert.Contains("Lerarenopleiding wiskunde deeltijd", await coordinator.GetStringAsync("/Opleiding", Ct));

        Assert.Equal(HttpStatusCode.NoContent, (await (await App.LoginAsync(user)).PostAsync("/api/v1/careers/me/consent/withdraw", null, Ct)).StatusCode);
        programme = Assert.Single((await coordinator.GetFromJsonAsync<List<PartnerProgrammeView>>("/api/v1/careers/training/programmes", Ct))!);
        Assert.Empty(programme.Introductions);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync($"/api/v1/careers/training/introductions/{intro}/status", new IntroductionStatusCommand(IntroductionStatus.Accepted), Ct)).StatusCode);
    }

    [Fact]
    public async Task Pages_HrAndCandidateCard_ShowIntroduction()
    {
        var cw = await CareersWorld.ForAsync(App);
        var pw = await PartnerWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var candidate = await NewCandidateAsync(a, cw.RegionA.Id, "Pagina");
        await ProposeAsync(a, candidate, MatchKind.Vacancy, pw.Vacancy);
        var card = await a.GetStringAsync($"/Regio/Kandidaat/{candidate}", Ct);
        Assert.Contains("Docent wiskunde Testcollege", card);
        Assert.Contains("voorgesteld", card);
        var hrPage = await (await App.LoginAsync(pw.Hr)).GetStringAsync("/Werkgever", Ct);
        Assert.Contains("Pagina Wiskundig", hrPage);
        Assert.DoesNotContain("Docent wiskunde Ander College", hrPage);
    }
}
