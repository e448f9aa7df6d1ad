using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.SavedSearches;

namespace Leerkluis.Tests.Careers;

public sealed class SavedSearchRulesTests
{
    [Fact]
    public void Normalise_UnknownKeysAndOrder_KeepsListFiltersOnly() =>
        Assert.Equal("q=de%20vries&vak=wiskunde&fase=Interest",
            SavedSearchStore.Normalise("?fase=Interest&handler=Delete&vak=wiskunde&q=de+vries&x=%3Cscript%3E"));

    [Fact]
    public void Normalise_Empty_IsEmpty() => Assert.Equal("", SavedSearchStore.Normalise("evil=1"));
}

public sealed class SavedSearchSqliteTests(SqliteApp app) : SavedSearchTests<SqliteApp>(app);
public sealed class SavedSearchPostgresTests(PostgresApp app) : SavedSearchTests<PostgresApp>(app);

public abstract class SavedSearchTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavedSearch_SaveListDelete_OwnAdvisorOnly()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        var response = await a.PostAsJsonAsync("/api/v1/careers/saved-searches", new SaveSearchCommand("Wiskunde nieuw", "vak=wiskunde&fase=Interest&weergave=lijst"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<SavedSearchView>(Ct);
        Assert.Equal("vak=wiskunde&fase=Interest&weergave=lijst", saved!.Query);

        var twice = await a.PostAsJsonAsync("/api/v1/careers/saved-searches", new SaveSearchCommand("Wiskunde nieuw", "vak=engels"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("U heeft al een zoekopdracht met de naam \"Wiskunde nieuw\". Kies een andere naam.",
            (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("name")[0].GetString());

        // Applying it: the link on the list page opens the list with these filters.
        var page = await a.GetStringAsync("/Regio", Ct);
        Assert.Contains("href=\"/Regio?vak=wiskunde&amp;fase=Interest&amp;weergave=lijst\">Wiskunde nieuw</a>", page);
        var applied = await a.GetStringAsync("/Regio?vak=wiskunde&fase=Interest&weergave=lijst", Ct);
        Assert.Contains("Olaf Overstapper", applied);

        var b = await App.LoginAsync(cw.AdvisorB);
        Assert.Empty((await b.GetFromJsonAsync<List<SavedSearchView>>("/api/v1/careers/saved-searches", Ct))!);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/v1/careers/saved-searches/{saved.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/careers/saved-searches/{saved.Id}", Ct)).StatusCode);
        // Other tests of this class may have saved searches for the same advisor: only this one must be gone.
        Assert.DoesNotContain((await a.GetFromJsonAsync<List<SavedSearchView>>("/api/v1/careers/saved-searches", Ct))!, s => s.Id == saved.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(cw.CandidateUser)).GetAsync("/api/v1/careers/saved-searches", Ct)).StatusCode);
    }

    [Fact]
    public async Task ListPage_SaveCurrentFilters_ShowsLinkWithThoseFilters()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        const string url = "/Regio?vak=engels&sector=Vo&weergave=lijst";
        var form = await a.GetStringAsync(url, Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var post = await a.PostAsync(url + "&handler=SaveSearch",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["SearchName"] = "Engels vo", ["__RequestVerificationToken"] = token }), Ct);
        Assert.True(post.IsSuccessStatusCode || (int)post.StatusCode is >= 300 and < 400, post.StatusCode.ToString());
        var saved = Assert.Single((await a.GetFromJsonAsync<List<SavedSearchView>>("/api/v1/careers/saved-searches", Ct))!, s => s.Name == "Engels vo");
        Assert.Equal("vak=engels&sector=Vo&weergave=lijst", saved.Query);
    }

    [Fact]
    public async Task ExportXlsx_Filtered_OpensWithRowsAndNoFormulas()
    {
        var cw = await CareersWorld.ForAsync(App);
        var a = await App.LoginAsync(cw.AdvisorA);
        foreach (var (first, last) in new[] { ("=1+2", "Formule"), ("Xander", "Excelsior") })
        {
            var p = CareersApiTests<TApp>.Profile(first, last, $"{last.ToLowerInvariant()}@xlsx.invalid", subjects: ["informatica"]);
            Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync("/api/v1/careers/candidates", new CreateCandidateCommand(cw.RegionA.Id, p, true, null), Ct)).StatusCode);
        }
        var response = await a.GetAsync("/api/v1/careers/candidates.xlsx?subject=informatica", Ct);
        Assert.Equal(CandidateExport.XlsxContentType, response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        var sheet = workbook.Worksheet("Kandidaten");
        Assert.Equal(CandidateExport.Header, sheet.Row(1).Cells(1, CandidateExport.Header.Length).Select(c => c.GetString()));
        var rows = sheet.RowsUsed().Skip(1).Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString(), r.Cell(8).GetString(), r.Cell(11).GetValue<int>())).ToList();
        Assert.Equal([("Xander", "Excelsior", "Informatica", 24), ("=1+2", "Formule", "Informatica", 24)], rows);
        Assert.False(sheet.Cell(3, 1).HasFormula || sheet.Cell(2, 1).HasFormula);
    }
}
