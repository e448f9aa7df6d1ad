using Leerkluis.BrowserTests.Infrastructure;

namespace Leerkluis.BrowserTests;

/// <summary>A teacher opens a learner's card; the parent then sees that look in "wie keek er", on a phone, accessibly.</summary>
public sealed class AuditTrailTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Guardian_AfterTeacherOpensCard_SeesWhoLookedOnWhichBasis()
    {
        var learner = app.World.LearnerA;
        var teacherPage = await app.NewPageAsync();
        await teacherPage.LoginAsync(app.World.TeacherA);
        var card = await teacherPage.GotoAsync($"/School/Leerlingen/{learner.Id}");
        Assert.Equal(200, card!.Status);

        var page = await app.NewPageAsync(phone: true);
        await page.LoginAsync(app.World.ParentA);
        await page.GotoAsync($"/Ouder/Kind/{learner.Id}");
        await page.ClickAsync("#wie-keek");
        await page.WaitForURLAsync($"**/Ouder/Kind/{learner.Id}/WieKeek");
        var main = await page.InnerTextAsync("main");
        Assert.Contains("Wie keek er in het dossier van Sanne de Testvries", main);
        Assert.Contains("TeacherA (leerkracht, Basisschool De Testboom)", main);
        Assert.Contains("inschrijving op school", main);
        Assert.Contains("bekeken", main);
        await BrowserApp.AssertAccessibleAsync(page);

        // Only the family section: the teacher's look at the family details, nothing of personalia.
        await page.SelectOptionAsync("#onderdeel", "Family");
        await page.ClickAsync("#filteren");
        await page.WaitForURLAsync("**onderdeel=Family**");
        var rows = await page.Locator("#spoor tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("gezin", r));

        // A reversed period is explained next to the form, not with an error page.
        await page.FillAsync("#van", "10-10-2026");
        await page.FillAsync("#tot", "01-10-2026");
        await page.ClickAsync("#filteren");
        Assert.Contains("De einddatum ligt vóór de begindatum.", await page.InnerTextAsync("#foutmeldingen"));
        await BrowserApp.AssertAccessibleAsync(page);
    }
}
