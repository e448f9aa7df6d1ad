using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>My account: who I am, whether two-factor is on, password, and the language the site uses for me.</summary>
[Authorize(Policy = Policies.Authenticated)]
public sealed class ManageModel(UserManager<AppUser> users, IStringLocalizer<AccountText> text) : AccountPageModel(text)
{
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public bool TwoFactorRequired { get; private set; }
    public string CurrentCulture { get; private set; } = "nl-NL";
    // Its own key: the layout shows TempData["Notice"] itself, this one is localized by the view after a language change.
    [TempData(Key = "ManageNotice")] public string? Notice { get; set; }

    [BindProperty] public string? Culture { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        TwoFactorRequired = AccountRules.MustUseTwoFactor(User);
        CurrentCulture = user.PreferredCulture ?? System.Globalization.CultureInfo.CurrentUICulture.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostCultureAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (Culture is null || !PlatformSetup.Cultures.Any(c => c.Name == Culture)) return RedirectToPage();
        user.PreferredCulture = Culture;
        await users.UpdateAsync(user);
        SetCultureCookie(Culture);
        // The notice is shown after the redirect, in the new language, so the key is stored and localized by the view.
        Notice = "Uw taalkeuze is opgeslagen.";
        return RedirectToPage();
    }
}
