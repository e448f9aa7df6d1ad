using System.Net;
using Leerkluis.Web.Platform.Identity;
using Xunit;
using Leerkluis.Tests.Infrastructure;

namespace Leerkluis.Tests.Accounts;

public sealed class InvitationAndResetTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private async Task<HttpClient> SignedInAsync(string email, string? key)
    {
        var client = app.Browser();
        var response = await client.PostJson("/api/v1/account/login", new { email, password = AccountsApp.Password, code = key is null ? null : AccountsApp.Totp(key) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task Invite_SchoolAdmin_MailsOneTimeLink_ThatSetsPasswordAndSignsIn()
    {
        var schoolId = await app.CreateSchoolAsync();
        var (adminEmail, key) = await app.CreateStaffAsync(schoolId, Roles.SchoolAdmin, twoFactor: true);
        var guardianEmail = $"eva-{Guid.NewGuid():N}@thuis.test";
        var guardianId = await app.CreateGuardianOfLearnerAsync(schoolId, guardianEmail);
        var admin = await SignedInAsync(adminEmail, key);

        var invite = await admin.PostJson($"/api/v1/guardians/{guardianId}/invite", new { });

        Assert.Equal(HttpStatusCode.Accepted, invite.StatusCode);
        var mail = Assert.Single(app.MailTo(guardianEmail));
        Assert.Equal("Uw account voor Leerkluis", mail.Subject);
        Assert.Contains("Beste Eva Jansen", mail.TextBody);
        Assert.NotNull(mail.HtmlBody);
        var link = AccountsApp.LinkIn(mail);
        Assert.StartsWith("/Account/Activeren?userId=", link);
        var account = await app.FindUserAsync(guardianEmail);
        Assert.Equal(guardianId, account!.GuardianId);

        var guardian = app.Browser();
        var (form, formHtml) = await guardian.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains(guardianEmail, formHtml);
        var tooShort = await guardian.SubmitAsync(link, new() { ["NewPassword"] = "Kort1", ["ConfirmPassword"] = "Kort1" });
        Assert.Contains("Het wachtwoord moet ten minste 10 tekens lang zijn.", await tooShort.HtmlAsync());

        var activated = await guardian.SubmitAsync(link, new() { ["NewPassword"] = "Ouder-Wachtwoord-2026", ["ConfirmPassword"] = "Ouder-Wachtwoord-2026" });
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.Equal("/Ouder", activated.Location());
        Assert.Equal(HttpStatusCode.OK, (await guardian.Fetch("/api/v1/guardians/me/children")).StatusCode);
        Assert.True((await app.FindUserAsync(guardianEmail))!.EmailConfirmed);

        // Spent: the password reset changed the security stamp the link was bound to.
        var second = app.Browser();
        Assert.Contains("Deze link is niet meer geldig", (await second.GetPageAsync(link)).Html);
        // The page no longer shows a form; post the old form's fields anyway (with a token from another page).
        var reuse = await second.SubmitAsync("/Account/Login", new() { ["NewPassword"] = "Ander-Wachtwoord-2026", ["ConfirmPassword"] = "Ander-Wachtwoord-2026" }, link);
        Assert.Equal(HttpStatusCode.OK, reuse.StatusCode);
        Assert.Contains("Deze link is niet meer geldig", await reuse.HtmlAsync());
        var oldPassword = await app.Browser().SubmitAsync("/Account/Login", new() { ["Email"] = guardianEmail, ["Password"] = "Ouder-Wachtwoord-2026" });
        Assert.Equal(HttpStatusCode.Redirect, oldPassword.StatusCode);
    }

    [Fact]
    public async Task Invite_Again_ReusesAccountAndSendsFreshLink()
    {
        var schoolId = await app.CreateSchoolAsync();
        var (adminEmail, key) = await app.CreateStaffAsync(schoolId, Roles.SchoolAdmin, twoFactor: true);
        var guardianEmail = $"eva-{Guid.NewGuid():N}@thuis.test";
        var guardianId = await app.CreateGuardianOfLearnerAsync(schoolId, guardianEmail);
        var admin = await SignedInAsync(adminEmail, key);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostJson($"/api/v1/guardians/{guardianId}/invite", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostJson($"/api/v1/guardians/{guardianId}/invite", new { })).StatusCode);

        var mails = app.MailTo(guardianEmail);
        Assert.Equal(2, mails.Count);
        var guardian = app.Browser();
        var activated = await guardian.SubmitAsync(AccountsApp.LinkIn(mails[1]), new() { ["NewPassword"] = "Ouder-Wachtwoord-2026", ["ConfirmPassword"] = "Ouder-Wachtwoord-2026" });
        Assert.Equal("/Ouder", activated.Location());
    }

    [Fact]
    public async Task Invite_GuardianWithoutEmail_IsRefusedWithFieldError()
    {
        var schoolId = await app.CreateSchoolAsync();
        var (adminEmail, key) = await app.CreateStaffAsync(schoolId, Roles.SchoolAdmin, twoFactor: true);
        var guardianId = await app.CreateGuardianOfLearnerAsync(schoolId, email: null);
        var admin = await SignedInAsync(adminEmail, key);

        var response = await admin.PostJson($"/api/v1/guardians/{guardianId}/invite", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"email\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Invite_GuardianOfAnotherSchoolOrAsTeacher_IsNotFound()
    {
        var schoolId = await app.CreateSchoolAsync();
        var otherSchool = await app.CreateSchoolAsync();
        var (adminEmail, adminKey) = await app.CreateStaffAsync(schoolId, Roles.SchoolAdmin, twoFactor: true);
        var (teacherEmail, teacherKey) = await app.CreateStaffAsync(otherSchool, Roles.Teacher, twoFactor: true);
        var elsewhere = await app.CreateGuardianOfLearnerAsync(otherSchool, $"ander-{Guid.NewGuid():N}@thuis.test");

        var admin = await SignedInAsync(adminEmail, adminKey);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostJson($"/api/v1/guardians/{elsewhere}/invite", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostJson($"/api/v1/guardians/{Guid.NewGuid()}/invite", new { })).StatusCode);

        var teacher = await SignedInAsync(teacherEmail, teacherKey);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PostJson($"/api/v1/guardians/{elsewhere}/invite", new { })).StatusCode);
        Assert.Empty(app.MailTo($"ander@thuis.test"));
    }

    [Fact]
    public async Task InvitePage_Post_RedirectsBackWithNotice()
    {
        var schoolId = await app.CreateSchoolAsync();
        var (adminEmail, key) = await app.CreateStaffAsync(schoolId, Roles.SchoolAdmin, twoFactor: true);
        var guardianEmail = $"eva-{Guid.NewGuid():N}@thuis.test";
        var guardianId = await app.CreateGuardianOfLearnerAsync(schoolId, guardianEmail);
        var admin = await SignedInAsync(adminEmail, key);

        var response = await admin.SubmitAsync("/Account/Manage", new() { ["returnUrl"] = "/Account/Manage" }, $"/Account/Uitnodigen/{guardianId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage", response.Location());
        Assert.Single(app.MailTo(guardianEmail));
        var offsite = await admin.SubmitAsync("/Account/Manage", new() { ["returnUrl"] = "//evil.example/" }, $"/Account/Uitnodigen/{guardianId}");
        Assert.Equal("/", offsite.Location());
    }

    [Fact]
    public async Task ForgotPassword_UnknownAndKnownAddress_SameAnswer_OnlyKnownGetsMail_LinkWorksOnce()
    {
        var (email, _) = await app.CreateGuardianUserAsync();
        var unknown = $"onbekend-{Guid.NewGuid():N}@nergens.test";
        const string answer = "Als dit adres bekend is, ontvangt u een e-mail";

        var forUnknown = await app.Browser().SubmitAsync("/Account/WachtwoordVergeten", new() { ["Email"] = unknown });
        var forKnown = await app.Browser().SubmitAsync("/Account/WachtwoordVergeten", new() { ["Email"] = email });

        var unknownHtml = await forUnknown.HtmlAsync();
        var knownHtml = await forKnown.HtmlAsync();
        Assert.Equal(forUnknown.StatusCode, forKnown.StatusCode);
        Assert.Contains(answer, unknownHtml);
        Assert.Contains(answer, knownHtml);
        Assert.Equal(MainPart(unknownHtml), MainPart(knownHtml));
        Assert.Empty(app.MailTo(unknown));
        var mail = Assert.Single(app.MailTo(email));
        var link = AccountsApp.LinkIn(mail);
        Assert.StartsWith("/Account/WachtwoordHerstellen?userId=", link);

        var reset = await app.Browser().SubmitAsync(link, new() { ["NewPassword"] = "Herstel-Wachtwoord-2026", ["ConfirmPassword"] = "Herstel-Wachtwoord-2026" });
        Assert.Contains("Uw wachtwoord is gewijzigd.", await reset.HtmlAsync());
        var login = await app.Browser().SubmitAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = "Herstel-Wachtwoord-2026" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var second = app.Browser();
        Assert.Contains("Deze link is niet meer geldig", (await second.GetPageAsync(link)).Html);
        var again = await second.SubmitAsync("/Account/Login", new() { ["NewPassword"] = "Nog-Een-Wachtwoord-2026", ["ConfirmPassword"] = "Nog-Een-Wachtwoord-2026" }, link);
        Assert.Contains("Deze link is niet meer geldig", await again.HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = "Herstel-Wachtwoord-2026" })).StatusCode);
    }

    /// <summary>The page without the antiforgery token, which differs per response.</summary>
    private static string MainPart(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        return html[start..html.IndexOf("</main>", start, StringComparison.Ordinal)];
    }
}
