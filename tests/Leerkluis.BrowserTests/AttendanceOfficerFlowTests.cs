using System.Text;
using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Tests.CompulsoryEducation;
using Leerkluis.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests;

/// <summary>An attendance officer logs in with an authenticator code, opens a case of their municipality, adds a note and
/// changes the status; a resident list with a wrong line is refused line by line. Axe on every page.</summary>
public sealed class AttendanceOfficerFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AttendanceOfficer_OpensCaseAndAddsNote_SeesOnlyOwnMunicipality()
    {
        var today = TestWorld.Today;
        await LeerplichtArrange.LearnerAsync(app.Services, "Thuiszitter", today.AddYears(-10), "0601");
        await LeerplichtArrange.LearnerAsync(app.Services, "Buurgemeente", today.AddYears(-10), "0602");
        await LeerplichtArrange.SweepAsync(app.Services, today);
        var officer = await LeerplichtArrange.OfficerAsync(app.Services, "0601", "Testgemeente");

        var page = await app.NewPageAsync(phone: true);
        await page.LoginAsync(officer);
        Assert.EndsWith("/Leerplicht", new Uri(page.Url).AbsolutePath);
        var list = await page.InnerTextAsync("main");
        Assert.Contains("Kim Thuiszitter", list);
        Assert.DoesNotContain("Buurgemeente", list);
        await BrowserApp.AssertAccessibleAsync(page);

        await page.ClickAsync("text=Kim Thuiszitter");
        await page.WaitForURLAsync("**/Leerplicht/Zaak/**");
        Assert.Contains("geen inschrijving", await page.InnerTextAsync("#gegevens"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.ClickAsync("#notitie-opslaan"); // empty: the form says what is missing
        Assert.Contains("De notitie is verplicht.", await page.InnerTextAsync("#foutmeldingen"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.FillAsync("#Note", "Ouders gebeld; huisbezoek op dinsdag.");
        await page.ClickAsync("#notitie-opslaan");
        await page.WaitForSelectorAsync("#melding");
        Assert.Contains("De notitie is toegevoegd.", await page.InnerTextAsync("#melding"));
        var history = await page.InnerTextAsync("#verloop");
        Assert.Contains("Ouders gebeld; huisbezoek op dinsdag.", history);
        Assert.Contains("Leerplicht Testgemeente", history);

        await page.SelectOptionAsync("#NewStatus", "InProgress");
        await page.ClickAsync("#status-opslaan");
        await page.WaitForSelectorAsync("#melding");
        Assert.Contains("in behandeling", await page.InnerTextAsync("h1"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync("/Leerplicht/Lijst");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "inwoners.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("bsn;naam;geboortedatum;adres;postcode\n123456789;Fout Nummer;01-01-2016;Laan 1;1234 AB\n"),
        });
        await page.ClickAsync("#bekijken");
        await page.WaitForSelectorAsync("#problemen");
        Assert.Contains("elfproef", await page.InnerTextAsync("#problemen"));
        Assert.Equal(0, await page.Locator("#bevestigen").CountAsync());
        await BrowserApp.AssertAccessibleAsync(page);
    }
}
