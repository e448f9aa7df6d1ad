using Leerkluis.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests.Infrastructure;

/// <summary>Logging in the way a person does: the log-in page, then the authenticator code for staff.</summary>
public static class LoginSteps
{
    public static async Task LoginAsync(this IPage page, TestUser user)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", user.Email);
        await page.FillAsync("#Password", TestWorld.Password);
        await page.ClickAsync("main button[type=submit]");
        if (user.AuthenticatorKey is not null)
        {
            await page.WaitForURLAsync("**/Account/LoginWith2fa**");
            await page.FillAsync("#Code", BrowserApp.CurrentCode(user));
            await page.ClickAsync("main button[type=submit]");
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
