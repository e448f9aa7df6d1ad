using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>Second step: the 6-digit code from the authenticator app. Identity adds amr=mfa, which staff pages require.</summary>
[AllowAnonymous]
[EnableRateLimiting("login")]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<AccountText> text)
    : AccountPageModel(text)
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only reachable between password and code: the two-factor cookie says whose code this is.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        var code = AccountRules.NormalizeCode(Code);
        if (code.Length == 0)
        {
            Error(nameof(Code), "Vul de code uit uw authenticator-app in.");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return await AfterSignInAsync(users, user, ReturnUrl);
        if (result.IsLockedOut) Error("", LoginModel.LockedOut);
        else Error(nameof(Code), "Deze code klopt niet. Gebruik de code die nu in uw app staat.");
        return Page();
    }
}
