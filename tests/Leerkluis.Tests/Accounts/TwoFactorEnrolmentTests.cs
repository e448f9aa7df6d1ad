using System.Net;
using System.Text.RegularExpressions;
using Leerkluis.Web.Platform.Identity;
using Xunit;
using Leerkluis.Tests.Infrastructure;

namespace Leerkluis.Tests.Accounts;

public sealed partial class TwoFactorEnrolmentTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Enable_StaffWithoutTwoFactor_ScansKeyVerifiesCode_GetsRecoveryCodesAndStaffAccess()
    {
        var schoolId = await app.CreateSchoolAsync();
        var (email, _) = await app.CreateStaffAsync(schoolId, Roles.Teacher, twoFactor: false);
        var client = app.Browser();
        var login = await client.SubmitAsync("/Account/Login?returnUrl=%2FSchool%2FGroepen",
            new() { ["Email"] = email, ["Password"] = AccountsApp.Password });
        Assert.Equal("/Account/TwoFactor/Enable?returnUrl=%2FSchool%2FGroepen", login.Location());

        var (page, html) = await client.GetPageAsync(login.Location());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var key = SharedKey().Match(html).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.Equal(32, key.Length);
        Assert.Contains("src=\"data:image/png;base64,", html);
        Assert.Contains($"otpauth://totp/Leerkluis:{Uri.EscapeDataString(email)}?secret={key}&issuer=Leerkluis&digits=6",
            Web.Features.Accounts.Pages.TwoFactor.EnableModel.BuildUri(email, key));

        var wrong = await client.SubmitAsync(login.Location(), new() { ["Code"] = OtherThan(AccountsApp.Totp(key)) });
        Assert.Contains("Deze code klopt niet", await wrong.HtmlAsync());
        Assert.False((await app.FindUserAsync(email))!.TwoFactorEnabled);

        var done = await client.SubmitAsync(login.Location(), new() { ["Code"] = AccountsApp.Totp(key) });
        var doneHtml = await done.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var recoveryCodes = RecoveryCode().Matches(doneHtml).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Contains("href=\"/School/Groepen\"", doneHtml);
        Assert.True((await app.FindUserAsync(email))!.TwoFactorEnabled);
        // Re-signed in with amr=mfa: the staff API opens without logging in again.
        Assert.Equal(HttpStatusCode.OK, (await client.Fetch($"/api/v1/schools/{schoolId}/groups")).StatusCode);

        // Next time the code is asked for, and a recovery code works once in its place.
        var fresh = app.Browser();
        var again = await fresh.SubmitAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApp.Password });
        Assert.StartsWith("/Account/LoginWith2fa", again.Location());
        var recovered = await fresh.SubmitAsync("/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Fetch($"/api/v1/schools/{schoolId}/groups")).StatusCode);

        var third = app.Browser();
        await third.SubmitAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApp.Password });
        var reused = await third.SubmitAsync("/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = recoveryCodes[0] });
        Assert.Contains("Deze herstelcode klopt niet of is al gebruikt.", await reused.HtmlAsync());
    }

    [Fact]
    public async Task Enable_Anonymous_IsSentToLogin()
    {
        var response = await app.Browser().Fetch("/Account/TwoFactor/Enable");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Location());
    }

    [Fact]
    public async Task Manage_ShowsAccountAndStoresLanguage()
    {
        var (email, _) = await app.CreateGuardianUserAsync();
        var client = app.Browser();
        await client.SubmitAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApp.Password });

        var (_, html) = await client.GetPageAsync("/Account/Manage");
        Assert.Contains(email, html);
        Assert.Contains("Tweestapsverificatie", html);

        var saved = await client.SubmitAsync("/Account/Manage", new() { ["Culture"] = "en-GB" }, "/Account/Manage?handler=Culture");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("en-GB", (await app.FindUserAsync(email))!.PreferredCulture);
        var (_, english) = await client.GetPageAsync("/Account/Manage");
        Assert.Contains("<html lang=\"en\"", english);
        Assert.Contains("My account", english);
        Assert.Contains("Your language choice has been saved.", english);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrent_ShowsInlineError_RightCurrent_Changes()
    {
        var (email, _) = await app.CreateGuardianUserAsync();
        var client = app.Browser();
        await client.SubmitAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApp.Password });

        var wrong = await client.SubmitAsync("/Account/ChangePassword",
            new() { ["CurrentPassword"] = "Niet-het-wachtwoord1", ["NewPassword"] = "Nieuw-Wachtwoord-2026", ["ConfirmPassword"] = "Nieuw-Wachtwoord-2026" });
        var wrongHtml = await wrong.HtmlAsync();
        Assert.Contains("id=\"CurrentPassword-error\"", wrongHtml);
        Assert.Contains("Het huidige wachtwoord klopt niet.", wrongHtml);

        var mismatch = await client.SubmitAsync("/Account/ChangePassword",
            new() { ["CurrentPassword"] = AccountsApp.Password, ["NewPassword"] = "Nieuw-Wachtwoord-2026", ["ConfirmPassword"] = "Iets-anders-2026" });
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", await mismatch.HtmlAsync());

        var ok = await client.SubmitAsync("/Account/ChangePassword",
            new() { ["CurrentPassword"] = AccountsApp.Password, ["NewPassword"] = "Nieuw-Wachtwoord-2026", ["ConfirmPassword"] = "Nieuw-Wachtwoord-2026" });
        Assert.Equal("/Account/Manage", ok.Location());
        Assert.Contains("Uw wachtwoord is gewijzigd.", (await client.GetPageAsync("/Account/Manage")).Html);

        var relogin = await app.Browser().SubmitAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = "Nieuw-Wachtwoord-2026" });
        Assert.Equal(HttpStatusCode.Redirect, relogin.StatusCode);
    }

    private static string OtherThan(string code) => code == "123456" ? "654321" : "123456";

    [GeneratedRegex("<code id=\"shared-key\">([a-z2-7 ]+)</code>")] private static partial Regex SharedKey();
    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")] private static partial Regex RecoveryCode();
}
