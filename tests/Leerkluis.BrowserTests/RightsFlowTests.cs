using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Web.Platform.Time;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests;

/// <summary>
/// A parent downloads the dossier, reads the summary and asks for a correction of the child's address; the school
/// admin approves it from the queue; the parent sees the outcome. Axe on every page on the way.
/// </summary>
public sealed class RightsFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Guardian_DownloadsExportAndRequestsCorrection_AdminApproves_GuardianSeesOutcome()
    {
        var w = app.World;
        var parent = await app.NewPageAsync(phone: true);
        await parent.LoginAsync(w.ParentA);
        await parent.GotoAsync($"/Ouder/Kind/{w.LearnerA.Id}");
        await BrowserApp.AssertAccessibleAsync(parent);

        await parent.ClickAsync("#rechten >> text=Inzage en downloaden");
        await parent.WaitForURLAsync($"**/Ouder/Kind/{w.LearnerA.Id}/Inzage");
        Assert.Contains("Uw rechten volgens de AVG", await parent.InnerTextAsync("main"));
        await BrowserApp.AssertAccessibleAsync(parent);

        var download = await parent.RunAndWaitForDownloadAsync(() => parent.ClickAsync("#download-html"));
        Assert.EndsWith(".html", download.SuggestedFilename);
        var summary = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("Dossieroverzicht van Sanne de Testvries", summary);
        Assert.Contains(Amsterdam.Date(w.LearnerA.BirthDate!.Value), summary);
        Assert.Contains("Teststraat 1", summary);
        var json = await parent.RunAndWaitForDownloadAsync(() => parent.ClickAsync("#download-json"));
        Assert.Contains("\"format\": \"leerkluis.dossier-export\"", await File.ReadAllTextAsync(await json.PathAsync(), TestContext.Current.CancellationToken));

        await parent.GotoAsync($"/Ouder/Kind/{w.LearnerA.Id}/Correctie");
        await BrowserApp.AssertAccessibleAsync(parent);
        await parent.FillAsync("#Input_PostalCode", "123");
        await parent.ClickAsync("#verzoek-versturen");
        Assert.Contains("1234 AB", await parent.InnerTextAsync("#foutmeldingen"));
        await BrowserApp.AssertAccessibleAsync(parent);
        await parent.FillAsync("#Input_PostalCode", "3511 AA");
        await parent.FillAsync("#Input_Street", "Browserlaan");
        await parent.FillAsync("#Input_Note", "Verhuisd in de zomer.");
        await parent.ClickAsync("#verzoek-versturen");
        Assert.Contains("naar de school gestuurd", await parent.InnerTextAsync("#melding"));
        Assert.Contains("in behandeling", await parent.InnerTextAsync("#verzoeken"));

        var admin = await app.NewPageAsync();
        await admin.LoginAsync(w.AdminA);
        await admin.GotoAsync("/School/Correcties");
        await BrowserApp.AssertAccessibleAsync(admin);
        await admin.ClickAsync("#correcties >> text=Sanne de Testvries");
        Assert.Contains("Verhuisd in de zomer.", await admin.InnerTextAsync("#toelichting"));
        var changes = await admin.InnerTextAsync("#wijzigingen");
        Assert.Contains("Teststraat", changes);
        Assert.Contains("Browserlaan", changes);
        await BrowserApp.AssertAccessibleAsync(admin);
        await admin.ClickAsync("#afwijzen");
        Assert.Contains("Reden van afwijzing is verplicht.", await admin.InnerTextAsync("#foutmeldingen"));
        await admin.ClickAsync("#goedkeuren");
        await admin.WaitForURLAsync("**/School/Correcties");
        Assert.Contains("goedgekeurd", await admin.InnerTextAsync("#melding"));
        await admin.GotoAsync($"/School/Leerlingen/{w.LearnerA.Id}");
        Assert.Contains("Browserlaan 1", await admin.InnerTextAsync("#adres"));

        await parent.GotoAsync($"/Ouder/Kind/{w.LearnerA.Id}");
        Assert.Contains("goedgekeurd", await parent.InnerTextAsync("#verzoeken"));
        Assert.Contains("Browserlaan", await parent.InnerTextAsync("#adres"));
        await BrowserApp.AssertAccessibleAsync(parent);

        await parent.GotoAsync($"/Ouder/Kind/{w.LearnerA.Id}/Bezwaar");
        await BrowserApp.AssertAccessibleAsync(parent);
        await parent.ClickAsync("#doelen form:has(input[value=ClassList]) button");
        Assert.Contains("bezwaar is vastgelegd", await parent.InnerTextAsync("#melding"));
        await admin.GotoAsync($"/School/Groepen/{w.GroupA8.Id}/Bezwaren");
        Assert.Contains("bezwaar", await admin.InnerTextAsync("#bezwaren"));
        await BrowserApp.AssertAccessibleAsync(admin);
    }
}
