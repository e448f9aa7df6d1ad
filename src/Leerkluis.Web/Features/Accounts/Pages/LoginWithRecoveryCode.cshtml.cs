using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>Second step with one of the ten recovery codes shown at set-up; each code works once.</summary>
[AllowAnonymous]
[EnableRateLimiting("login")]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<AccountText> text)
    : SecondStepPageModel(signIn, users, text)
{
    [BindProperty] public string? RecoveryCode { get; set; }

    protected override string CodeField => nameof(RecoveryCode);
    // Codes are stored as shown ("ABCDE-12345"); only stray spaces are removed.
    protected override string TypedCode() => (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(string code) => SignInManager.TwoFactorRecoveryCodeSignInAsync(code);
    protected override string EmptyMessage => "Vul een van uw herstelcodes in.";
    protected override string WrongMessage => "Deze herstelcode klopt niet of is al gebruikt.";
}
