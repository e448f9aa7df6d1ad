using Leerkluis.BrowserTests.Infrastructure;

namespace Leerkluis.BrowserTests;

public sealed class PublicPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task HomePage_Dutch_AccessibleAndSwitchesToEnglish()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/");
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Inloggen", await page.InnerTextAsync("main"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.ClickAsync("text=English");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task UnknownPage_Friendly404()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync("/bestaat-niet");
        Assert.Equal(404, response!.Status);
        Assert.Contains("Niet gevonden", await page.InnerTextAsync("h1"));
        await BrowserApp.AssertAccessibleAsync(page);
    }
}
