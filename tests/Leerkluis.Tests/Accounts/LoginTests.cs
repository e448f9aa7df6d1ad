using System.Net;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Leerkluis.Tests.Infrastructure;

namespace Leerkluis.Tests.Accounts;

public sealed class LoginTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static Dictionary<string, string> Credentials(string email, string password) => new() { ["Email"] = email, ["Password"] = password };

    [Fact]
    public async Task Login_WrongPassword_ShowsGenericErrorAndNoCookie()
    {
        var (email, _) = await app.CreateGuardianUserAsync();
        var client = app.Browser();

        var response = await client.SubmitAsync("/Account/Login", Credentials(email, "Verkeerd-wachtwoord1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("E-mailadres of wachtwoord klopt niet.", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("leerkluis=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_UnknownAddress_SameMessageAsWrongPassword()
    {
        var response = await app.Browser().SubmitAsync("/Account/Login", Credentials("niemand@nergens.test", "Verkeerd-wachtwoord1"));
        Assert.Contains("E-mailadres of wachtwoord klopt niet.", await response.HtmlAsync());
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksEvenTheRightPasswordOut()
    {
        var (email, _) = await app.CreateGuardianUserAsync();
        var client = app.Browser();
        string html = "";
        for (var i = 0; i < 5; i++)
            html = await (await client.SubmitAsync("/Account/Login", Credentials(email, $"Verkeerd-{i}-Wachtwoord"))).HtmlAsync();
        Assert.Contains("Uw account is 15 minuten geblokkeerd", html);

        var right = await client.SubmitAsync("/Account/Login", Credentials(email, AccountsApp.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Uw account is 15 minuten geblokkeerd", await right.HtmlAsync());
        Assert.True((await app.FindUserAsync(email))!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Login_Guardian_RedirectsToSafeReturnUrlOnly()
    {
        var (email, _) = await app.CreateGuardianUserAsync();
        var client = app.Browser();
        var fields = Credentials(email, AccountsApp.Password);
        fields["ReturnUrl"] = "https://evil.example/steal";

        var response = await client.SubmitAsync("/Account/Login", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
        var manage = await client.Fetch("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains(email, await manage.HtmlAsync());
    }

    [Fact]
    public async Task StaffWithTwoFactor_PasswordThenCode_ReachesStaffApi()
    {
        var schoolId = await app.CreateSchoolAsync();
        var (email, key) = await app.CreateStaffAsync(schoolId, Roles.Teacher, twoFactor: true);
        var client = app.Browser();

        var password = await client.SubmitAsync("/Account/Login?returnUrl=%2FSchool%2FLeerlingen", Credentials(email, AccountsApp.Password));
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", password.Location());
        // Half-way there: the password alone opens nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Fetch($"/api/v1/schools/{schoolId}/groups")).StatusCode);

        var wrong = await client.SubmitAsync(password.Location(), new() { ["Code"] = "000000" == AccountsApp.Totp(key!) ? "111111" : "000000" });
        Assert.Contains("Deze code klopt niet", await wrong.HtmlAsync());

        var code = await client.SubmitAsync(password.Location(), new() { ["Code"] = AccountsApp.Totp(key!) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/School/Leerlingen", code.Location());

        var groups = await client.Fetch($"/api/v1/schools/{schoolId}/groups");
        Assert.Equal(HttpStatusCode.OK, groups.StatusCode);
    }

    [Fact]
    public async Task StaffWithoutSecondFactor_IsSentToSetUp_AndRefusedOnStaffPages()
    {
        var schoolId = await app.CreateSchoolAsync();
        var (email, _) = await app.CreateStaffAsync(schoolId, Roles.SchoolAdmin, twoFactor: false);
        var client = app.Browser();

        var response = await client.SubmitAsync("/Account/Login", Credentials(email, AccountsApp.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/TwoFactor/Enable", response.Location());
        // The API answers a wrong role or a missing second factor like an unknown resource: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await client.Fetch($"/api/v1/schools/{schoolId}/groups")).StatusCode);
        var (denied, html) = await client.GetPageAsync("/Account/AccessDenied?ReturnUrl=%2FSchool%2FLeerlingen");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("href=\"/Account/TwoFactor/Enable?returnUrl=%2FSchool%2FLeerlingen\"", html);
    }

    [Fact]
    public async Task StaffSignedInWithoutCodeByApi_IsRefused_WithCodeAllowed()
    {
        var schoolId = await app.CreateSchoolAsync();
        var (email, key) = await app.CreateStaffAsync(schoolId, Roles.Teacher, twoFactor: true);

        var noCode = await app.Browser().PostJson("/api/v1/account/login", new { email, password = AccountsApp.Password });
        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);

        var client = app.Browser();
        var withCode = await client.PostJson("/api/v1/account/login", new { email, password = AccountsApp.Password, code = AccountsApp.Totp(key!) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Fetch($"/api/v1/schools/{schoolId}/groups")).StatusCode);
    }

    [Fact]
    public async Task Logout_Post_EndsSessionAndGoesHome()
    {
        var (email, _) = await app.CreateGuardianUserAsync();
        var client = app.Browser();
        await client.SubmitAsync("/Account/Login", Credentials(email, AccountsApp.Password));
        Assert.Equal(HttpStatusCode.OK, (await client.Fetch("/Account/Manage")).StatusCode);

        // The access-denied page has no form of its own: the token comes from the layout's logout form.
        var logout = await client.SubmitAsync("/Account/AccessDenied", [], "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/", logout.Location());
        var after = await client.Fetch("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", after.Location());
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRejected()
    {
        var (email, _) = await app.CreateGuardianUserAsync();
        var client = app.Browser();
        await client.SubmitAsync("/Account/Login", Credentials(email, AccountsApp.Password));

        var logout = await client.PostForm("/Account/Logout", []);

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Fetch("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task SecurityStamp_ChangedElsewhere_EndsTheSessionAtTheNextCheck()
    {
        // With the check due on every request (interval zero), a stamp changed elsewhere (new password, "log out
        // everywhere") ends this session; an unchanged stamp keeps it.
        await using var strict = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var (email, _) = await app.CreateGuardianUserAsync();
        var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.SubmitAsync("/Account/Login", Credentials(email, AccountsApp.Password));
        Assert.Equal(HttpStatusCode.OK, (await client.Fetch("/Account/Manage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Fetch("/Account/Manage")).StatusCode);

        await using (var scope = strict.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }

        var after = await client.Fetch("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", after.Location());
    }
}
