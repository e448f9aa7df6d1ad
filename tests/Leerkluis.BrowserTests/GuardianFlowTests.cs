using Leerkluis.BrowserTests.Infrastructure;

namespace Leerkluis.BrowserTests;

/// <summary>A parent logs in and sees their own children, and nothing of another family.</summary>
public sealed class GuardianFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Guardian_SeesOwnChildren_NotOthers()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.LoginAsync(app.World.ParentA);
        Assert.EndsWith("/Ouder", new Uri(page.Url).AbsolutePath);
        var home = await page.InnerTextAsync("main");
        Assert.Contains("Sanne de Testvries", home);
        Assert.Contains("Basisschool De Testboom", home);
        Assert.DoesNotContain("Noor", home);
        await BrowserApp.AssertAccessibleAsync(page);

        await page.ClickAsync("text=Sanne de Testvries");
        await page.WaitForURLAsync($"**/Ouder/Kind/{app.World.LearnerA.Id}");
        Assert.Contains("Sanne", await page.InnerTextAsync("main"));
        await BrowserApp.AssertAccessibleAsync(page);

        var other = await page.GotoAsync($"/Ouder/Kind/{app.World.LearnerB.Id}");
        Assert.Equal(404, other!.Status);
        Assert.DoesNotContain("Noor", await page.InnerTextAsync("main"));
    }
}
