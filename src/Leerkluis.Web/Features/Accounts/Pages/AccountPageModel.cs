using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>What every account page shares: localized field errors, safe redirects and the steps after a sign-in.</summary>
public abstract class AccountPageModel(IStringLocalizer<AccountText> text) : PageModel
{
    protected IStringLocalizer<AccountText> T => text;

    /// <summary>For aria-invalid: "true" when the field has an error, null (attribute left out) otherwise.</summary>
    public string? Invalid(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    protected void Error(string key, string dutchMessage) => ModelState.AddModelError(key, T[dutchMessage]);

    protected void Errors(IdentityResult result, string field)
    {
        foreach (var (key, messages) in IdentityMessages.ToErrors(result, field))
            foreach (var m in messages) Error(key == "token" ? "" : key, m);
    }

    /// <summary>The same two-field check on every form where a new password is chosen (Identity checks the rest).</summary>
    protected void CheckNewPassword(string? password, string? confirm, string passwordKey, string confirmKey)
    {
        if (string.IsNullOrEmpty(password)) Error(passwordKey, "Kies een nieuw wachtwoord.");
        else if (password.Length < AccountRules.MinimumPasswordLength) Error(passwordKey, $"Het wachtwoord moet ten minste {AccountRules.MinimumPasswordLength} tekens lang zijn.");
        if (!string.IsNullOrEmpty(password) && password != confirm) Error(confirmKey, "De twee wachtwoorden zijn niet gelijk.");
    }

    /// <summary>Only paths on this site: a return URL from the query string must not send anyone elsewhere.</summary>
    protected IActionResult SafeRedirect(string? returnUrl, string fallback = "/") =>
        LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback);

    protected string? SafeReturnUrl(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;

    /// <summary>
    /// After the password (and code) were accepted: the account's language, then staff without two-factor go to
    /// the set-up first, because their staff pages stay closed until they have it.
    /// </summary>
    protected async Task<IActionResult> AfterSignInAsync(UserManager<AppUser> users, AppUser user, string? returnUrl)
    {
        SetCultureCookie(user.PreferredCulture);
        if (!user.TwoFactorEnabled && AccountRules.MustUseTwoFactor(await users.GetRolesAsync(user)))
            return RedirectToPage("/Features/Accounts/Pages/TwoFactor/Enable", new { returnUrl = SafeReturnUrl(returnUrl) });
        return SafeRedirect(returnUrl);
    }

    protected void SetCultureCookie(string? culture)
    {
        if (culture is null || !Platform.PlatformSetup.Cultures.Any(c => c.Name == culture)) return;
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
    }
}
