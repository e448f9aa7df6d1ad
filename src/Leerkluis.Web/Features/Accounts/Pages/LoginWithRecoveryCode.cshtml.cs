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
    : AccountPageModel(text)
{
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        // Codes are stored as shown ("ABCDE-12345"); only stray spaces are removed.
        var code = (RecoveryCode ?? "").Replace(" ", "");
        if (code.Length == 0)
        {
            Error(nameof(RecoveryCode), "Vul een van uw herstelcodes in.");
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded) return await AfterSignInAsync(users, user, ReturnUrl);
        if (result.IsLockedOut) Error("", LoginModel.LockedOut);
        else Error(nameof(RecoveryCode), "Deze herstelcode klopt niet of is al gebruikt.");
        return Page();
    }
}
