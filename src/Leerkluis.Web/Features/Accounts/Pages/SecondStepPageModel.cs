using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>
/// The second log-in step, between password and a code: only reachable while Identity's two-factor cookie says whose
/// code this is. The authenticator page and the recovery-code page differ only in how the code is read and checked.
/// </summary>
public abstract class SecondStepPageModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<AccountText> text)
    : AccountPageModel(text)
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    protected SignInManager<AppUser> SignInManager => signIn;

    /// <summary>The form field that holds the code, for the field message.</summary>
    protected abstract string CodeField { get; }

    /// <summary>The code as typed, cleaned; empty when nothing was typed.</summary>
    protected abstract string TypedCode();

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(string code);

    protected abstract string EmptyMessage { get; }

    protected abstract string WrongMessage { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        var code = TypedCode();
        if (code.Length == 0)
        {
            Error(CodeField, EmptyMessage);
            return Page();
        }
        var result = await SignInAsync(code);
        if (result.Succeeded) return await AfterSignInAsync(users, user, ReturnUrl);
        if (result.IsLockedOut) Error("", LoginModel.LockedOut);
        else Error(CodeField, WrongMessage);
        return Page();
    }
}
