using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>
/// E-mail and password. Failures count towards the lockout; unknown address and wrong password give the same
/// message so the form does not reveal who has an account. The rate limit applies per address (and also to GETs:
/// page endpoints take their metadata from the page model, not the handler).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting("login")]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<AccountText> text)
    : AccountPageModel(text)
{
    public const string WrongCredentials = "E-mailadres of wachtwoord klopt niet.";
    public const string LockedOut = "Te veel mislukte pogingen. Uw account is 15 minuten geblokkeerd. Probeer het daarna opnieuw, of vraag een nieuw wachtwoord aan.";

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) Error(nameof(Email), "Vul uw e-mailadres in.");
        if (string.IsNullOrEmpty(Password)) Error(nameof(Password), "Vul uw wachtwoord in.");
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            Error("", WrongCredentials);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        if (result.IsLockedOut)
        {
            Error("", LockedOut);
            return Page();
        }
        if (!result.Succeeded)
        {
            Error("", WrongCredentials);
            return Page();
        }
        return await AfterSignInAsync(users, user, ReturnUrl);
    }
}
