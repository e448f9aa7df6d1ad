using System.Text;
using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Tests.Attendance;
using Leerkluis.Tests.CompulsoryEducation;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests;

/// <summary>
/// The school office recalculates the absence rule, confirms a verzuimmelding and downloads the CSV for DUO; the care
/// coordinator only reads; the attendance officer of the learner's municipality opens the confirmed report. Axe on every page.
/// </summary>
public sealed class AbsenceReportFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_RecalculatesConfirmsAndDownloadsCsv_OfficerOpensTheReport()
    {
        var w = app.World;
        await ReportArrange.SetUpAsync(app.Services, w.SchoolA.Id);
        var learner = await ReportArrange.LearnerAsync(app.Services, w.SchoolA, w.GroupA8, "Browserspijbel", "0588");
        await ReportArrange.RecordsAsync(app.Services, w.SchoolA.Id, learner.Id, ReportArrange.PastSchoolDays(app.Services, 4));

        var page = await app.NewPageAsync();
        await page.LoginAsync(w.AdminA);
        await page.GotoAsync("/School/Verzuim");
        Assert.Contains("Geen meldingen met deze status.", await page.InnerTextAsync("main"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.ClickAsync("#herberekenen");
        await page.WaitForSelectorAsync("#uitkomst");
        Assert.Matches("Herberekend: [1-9][0-9]* nieuwe meldingen", await page.InnerTextAsync("#uitkomst"));
        var row = await page.InnerTextAsync("#meldingen");
        Assert.Contains("Lotte Browserspijbel", row);
        Assert.Contains("16 uur ongeoorloofd verzuim binnen 4 schoolweken", row);
        Assert.Contains("(OV)", row);
        await BrowserApp.AssertAccessibleAsync(page);

        await page.ClickAsync("button[aria-label='Melding van Lotte Browserspijbel bevestigen']");
        await page.WaitForSelectorAsync("#uitkomst");
        Assert.Contains("De melding van Lotte Browserspijbel is bevestigd.", await page.InnerTextAsync("#uitkomst"));
        Assert.Equal(0, await page.Locator("#meldingen >> text=Lotte Browserspijbel").CountAsync());

        await page.ClickAsync("#status-filter >> text=Bevestigd");
        Assert.Contains("Lotte Browserspijbel", await page.InnerTextAsync("#meldingen"));
        Assert.Contains("bevestigd op", await page.InnerTextAsync("#meldingen"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        Assert.Contains("pgn;soort_nummer;achternaam", csv);
        Assert.Contains(";Browserspijbel;;Lotte;", csv);
        Assert.Contains(";99AA;00;0588;16 uur ongeoorloofd verzuim binnen 4 schoolweken;", csv);

        await page.ClickAsync("#meldingen >> text=Lotte Browserspijbel");
        await page.WaitForURLAsync("**/School/Verzuim/Leerling/**");
        Assert.Contains("Aanwezigheid van Lotte Browserspijbel", await page.InnerTextAsync("h1"));
        Assert.Contains("Ongeoorloofd", await page.InnerTextAsync("#totalen"));
        Assert.Contains("OV", await page.InnerTextAsync("#registraties"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync("/School/Verzuim/Overzicht");
        Assert.NotNull(await page.QuerySelectorAsync("svg.chart"));
        Assert.Contains("Ongeoorloofd", await page.InnerTextAsync("#categorieen"));
        await BrowserApp.AssertAccessibleAsync(page);

        // The care coordinator reads the queue without the buttons.
        var care = await app.NewPageAsync(phone: true);
        await care.LoginAsync(w.CareA);
        await care.GotoAsync("/School/Verzuim?status=bevestigd");
        Assert.Contains("Lotte Browserspijbel", await care.InnerTextAsync("#meldingen"));
        Assert.Equal(0, await care.Locator("#herberekenen").CountAsync());
        Assert.Equal(0, await care.Locator("#export-csv").CountAsync());
        await BrowserApp.AssertAccessibleAsync(care);
        await care.GotoAsync("/School/Verzuim/Signalen");
        await BrowserApp.AssertAccessibleAsync(care);

        var officer = await app.NewPageAsync(phone: true);
        await officer.LoginAsync(await LeerplichtArrange.OfficerAsync(app.Services, "0588", "Verzuimstad"));
        await officer.GotoAsync("/Leerplicht");
        await officer.ClickAsync("#verzuimmeldingen");
        await officer.WaitForURLAsync("**/Leerplicht/Verzuimmeldingen");
        await BrowserApp.AssertAccessibleAsync(officer);
        await officer.ClickAsync("text=Lotte Browserspijbel");
        await officer.WaitForURLAsync("**/Leerplicht/Verzuimmeldingen/Melding/**");
        Assert.Contains("Basisschool De Testboom (99AA00)", await officer.InnerTextAsync("#gegevens"));
        Assert.Contains("OV", await officer.InnerTextAsync("#dagen"));
        await BrowserApp.AssertAccessibleAsync(officer);
    }
}
