using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Portal;
using Leerkluis.Web.Platform.Identity;

namespace Leerkluis.Tests.Careers;

public sealed class NewCandidateSqliteTests(SqliteApp app) : NewCandidateTests<SqliteApp>(app);
public sealed class NewCandidatePostgresTests(PostgresApp app) : NewCandidateTests<PostgresApp>(app);

public abstract partial class NewCandidateTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")] private static partial Regex TokenPattern();
    [GeneratedRegex(@"(/Account/Activeren\?userId=[^\s""<]+)")] private static partial Regex LinkPattern();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url, Ct);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    private static Dictionary<string, string> Form(Guid region, string first, string last, string email, string birth = "14-03-1985") => new()
    {
        ["Input.RegionId"] = region.ToString(), ["Input.FirstName"] = first, ["Input.LastName"] = last, ["Input.Email"] = email,
        ["Input.BirthDate"] = birth, ["Input.Subjects"] = "wiskunde", ["Input.Vo"] = "true", ["Input.Consent"] = "true",
    };

    private static async Task<int> CountAsync(HttpClient advisor, string q) =>
        (await advisor.GetFromJsonAsync<CandidatePage>($"/api/v1/careers/candidates?q={Uri.EscapeDataString(q)}", Ct))!.Total;

    [Fact]
    public async Task NewCandidatePage_PossibleDuplicate_WarnsFirstThenSavesWhenConfirmed()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var form = Form(cw.RegionA.Id, "Olaf", "Overstapper-Dubbel", "OVERSTAPPER@test.invalid");

        var warned = await PostFormAsync(a, "/Regio/Nieuw", new(form));
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var html = await warned.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Deze persoon staat mogelijk al in het systeem", html);
        Assert.Contains("zelfde e-mailadres", html);
        Assert.Equal(0, await CountAsync(a, "overstapper-dubbel"));

        form["Input.SaveDespiteDuplicates"] = "true";
        var saved = await PostFormAsync(a, "/Regio/Nieuw", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/Regio/Kandidaat/", saved.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountAsync(a, "overstapper-dubbel"));
    }

    [Fact]
    public async Task NewCandidatePage_MissingNameAndBadDate_FieldErrorsNothingSaved()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var bad = await PostFormAsync(a, "/Regio/Nieuw", Form(cw.RegionA.Id, "Zonder", "", "zonder@test.invalid", birth: "31-02-1990"));
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Vul de datum in als dd-mm-jjjj", html);
        var fixedDate = await PostFormAsync(a, "/Regio/Nieuw", Form(cw.RegionA.Id, "Zonder", "", "zonder@test.invalid"));
        Assert.Contains("De achternaam", await fixedDate.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await CountAsync(a, "zonder@test.invalid"));
    }

    [Fact]
    public async Task Invite_CandidateSetsPasswordAndSeesOwnRoute()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var created = await a.PostAsJsonAsync("/api/v1/careers/candidates",
            new CreateCandidateCommand(cw.RegionA.Id, CareersApiTests<TApp>.Profile("Ilse", "Uitgenodigd", "ilse.uitgenodigd@test.invalid"), true, null), Ct);
        var id = (await created.Content.ReadFromJsonAsync<CareersApi.CreatedId>(Ct))!.Id;

        Assert.Equal(HttpStatusCode.NoContent, (await a.PostAsync($"/api/v1/careers/candidates/{id}/invitation", null, Ct)).StatusCode);
        var mail = Directory.GetFiles(App.OutboxFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains("ilse.uitgenodigd@test.invalid"));
        Assert.Contains("Je eigen pagina bij Testregio A", mail);
        var link = LinkPattern().Match(mail.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=")).Groups[1].Value.Replace("&amp;", "&");

        var browser = App.Anonymous();
        var activated = await PostFormAsync(browser, link, new() { ["NewPassword"] = TestWorld.Password, ["ConfirmPassword"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        var card = await a.GetFromJsonAsync<JsonElement>($"/api/v1/careers/candidates/{id}", Ct);
        Assert.Contains(card.GetProperty("history").EnumerateArray(), h => h.GetProperty("what").GetString() == "Uitgenodigd voor de eigen pagina (portaal).");

        var userId = Guid.Parse(Regex.Match(link, "userId=([0-9a-f-]+)").Groups[1].Value);
        var me = await (await App.LoginAsync(new TestUser("ilse.uitgenodigd@test.invalid", Roles.Candidate, null, userId))).GetFromJsonAsync<PortalView>("/api/v1/careers/me", Ct);
        Assert.Equal(("Ilse Uitgenodigd", Phase.Interest), (me!.Name, me.Phase));

        // Once the password is set, a second invitation is refused with a clear reason.
        var again = await a.PostAsync($"/api/v1/careers/candidates/{id}/invitation", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(cw.AdvisorB)).PostAsync($"/api/v1/careers/candidates/{id}/invitation", null, Ct)).StatusCode);
    }
}
