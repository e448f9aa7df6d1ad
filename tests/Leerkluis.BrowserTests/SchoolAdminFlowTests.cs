using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Tests.Infrastructure;

namespace Leerkluis.BrowserTests;

/// <summary>A school administrator logs in with two factors, finds a learner and enrols a new one.</summary>
public sealed class SchoolAdminFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SchoolAdmin_FindsLearnerAndEnrolsNewOne_OnAPhone()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.LoginAsync(app.World.AdminA);
        Assert.EndsWith("/School/Leerlingen", new Uri(page.Url).AbsolutePath);
        await BrowserApp.AssertAccessibleAsync(page);

        // Find a learner by part of the name and open the card.
        await page.FillAsync("#q", "testvries");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync("**q=testvries**");
        var rows = await page.InnerTextAsync("main table");
        Assert.Contains("Sanne de Testvries", rows);
        Assert.DoesNotContain("Proefmans", rows);
        await page.ClickAsync("text=Sanne de Testvries");
        await page.WaitForURLAsync($"**/School/Leerlingen/{app.World.LearnerA.Id}");
        var card = await page.InnerTextAsync("main");
        Assert.Contains("111222333", card);
        Assert.Contains("Eva de Testvries", card);
        await BrowserApp.AssertAccessibleAsync(page);

        // Enrol a new learner; a wrong number first gets an inline message and nothing is saved.
        await page.GotoAsync("/School/Leerlingen/Nieuw");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_FirstNames", "Julia Maria");
        await page.FillAsync("#Input_CallName", "Julia");
        await page.FillAsync("#Input_LastName", "Nieuwenhuis");
        await page.FillAsync("#Input_BirthDate", "2019-04-12");
        await page.FillAsync("#Input_PersonalNumber", "111252333");
        await page.FillAsync("#Input_PostalCode", "3512 AB");
        await page.FillAsync("#Input_City", "Utrecht");
        await page.FillAsync("#Input_MunicipalityCode", "0344");
        await page.FillAsync("#Input_StartDate", TestWorld.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#Input_GroupId", new Microsoft.Playwright.SelectOptionValue { Value = app.World.GroupA7.Id.ToString() });
        await page.ClickAsync("#opslaan");
        Assert.Contains("elfproef", await page.InnerTextAsync("main"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.FillAsync("#Input_PersonalNumber", "567567564");
        await page.ClickAsync("#opslaan");
        await page.WaitForURLAsync("**/School/Leerlingen/*-*");
        var created = await page.InnerTextAsync("main");
        Assert.Contains("Julia Nieuwenhuis", created);
        Assert.Contains("567567564", created);
        Assert.Contains(Leerkluis.Web.Platform.Time.Amsterdam.Date(TestWorld.Today), created);

        // Correct the address from the card; the card shows the saved change.
        await page.ClickAsync("#gegevens-wijzigen");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_City", "Zeist");
        await page.FillAsync("#Input_MunicipalityCode", "0355");
        await page.ClickAsync("#opslaan");
        await page.WaitForSelectorAsync("#melding");
        Assert.Contains("Zeist", await page.InnerTextAsync("#adres"));

        // The new learner is in the list and in group 7.
        await page.GotoAsync("/School/Leerlingen?q=Nieuwenhuis");
        Assert.Contains("Julia Nieuwenhuis", await page.InnerTextAsync("main table"));
    }
}
