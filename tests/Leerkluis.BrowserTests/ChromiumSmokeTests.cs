using Microsoft.Playwright;
using Xunit;

namespace Leerkluis.BrowserTests;

/// <summary>
/// Proves the browser toolchain works before any page test depends on it: Playwright drives the
/// Debian Chromium (never a downloaded one) headless with the flags from TOOLCHAIN.md.
/// </summary>
public class ChromiumSmokeTests
{
    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("LEERKLUIS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task Chromium_loads_a_data_url_page()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync("data:text/html,<!doctype html><html lang=nl><title>Leerkluis rooktest</title><p>Hallo</p></html>");
        Assert.Equal("Leerkluis rooktest", await page.TitleAsync());
    }
}
