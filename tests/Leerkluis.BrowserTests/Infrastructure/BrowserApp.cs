using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Leerkluis.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Leerkluis.BrowserTests.Infrastructure;

/// <summary>
/// Leerkluis served by Kestrel on a loopback port with a real SQLite database, driven by Debian's Chromium
/// through Playwright (never a downloaded browser).
/// </summary>
public sealed class BrowserApp : LeerkluisApp
{
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    protected override void Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var server = Services.GetRequiredService<IServer>();
        BaseUrl = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        if (_playwright is null)
        {
            _playwright = await Playwright.CreateAsync();
            var path = Environment.GetEnvironmentVariable("LEERKLUIS_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
        });
        return await context.NewPageAsync();
    }

    public static string CurrentCode(TestUser user) => new Totp(Base32Encoding.ToBytes(user.AuthenticatorKey!)).ComputeTotp();

    /// <summary>Runs axe on the page and fails on any serious or critical violation, naming them.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", bad.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await base.DisposeAsync();
    }
}
