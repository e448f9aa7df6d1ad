using System.Text.RegularExpressions;
using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Demo.Edexml;

namespace Leerkluis.BrowserTests;

/// <summary>A school admin imports the Edexml file of their old system: preview with problems by line, then import with progress.</summary>
public sealed partial class ImportFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [GeneratedRegex("<bsn>[0-9]{9}</bsn>")] private static partial Regex FirstBsn();

    [Fact]
    public async Task SchoolAdmin_PreviewsFileWithAProblem_ImportsTheGoodRecords()
    {
        var xml = EdexmlFileGenerator.Generate(40, app.World.SchoolA.Brin, seed: 7);
        xml = FirstBsn().Replace(xml, "<bsn>111252333</bsn>", 1); // one learner's BSN fails the elfproef
        var file = Path.Combine(Path.GetTempPath(), $"edexml-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, xml, TestContext.Current.CancellationToken);

        var page = await app.NewPageAsync();
        await page.LoginAsync(app.World.AdminA);
        await page.GotoAsync("/School/Import");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#bekijken");

        var problems = await page.InnerTextAsync("#problemen");
        Assert.Contains("elfproef", problems);
        Assert.Matches(@"\d+", problems); // the line number is shown
        var learnerRow = (await page.Locator("#samenvatting tbody tr", new() { HasText = "Leerlingen" }).InnerTextAsync()).Split('\t', '\n').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
        Assert.Equal(["Leerlingen", "39", "0", "0", "1"], learnerRow); // 39 new learners, 1 with a problem
        await BrowserApp.AssertAccessibleAsync(page);

        await page.CheckAsync("#skipInvalid");
        await page.ClickAsync("#importeren");
        await page.WaitForSelectorAsync("text=Klaar.", new() { Timeout = 60_000 });
        var status = await page.InnerTextAsync("main");
        Assert.Contains("overgeslagen: 1", status);
        Assert.Contains("elfproef", status);
        await BrowserApp.AssertAccessibleAsync(page);

        // The imported learners are in the registry now.
        await page.GotoAsync("/School/Leerlingen?pagina=1");
        Assert.Contains("leerlingen", (await page.InnerTextAsync("main")).ToLowerInvariant());
        File.Delete(file);
    }
}
