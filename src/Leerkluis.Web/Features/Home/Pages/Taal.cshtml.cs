using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Home.Pages;

/// <summary>
/// The language switch in the header: remembers the choice in the culture cookie (a year) and returns to the page.
/// A plain link, so it works without JavaScript; only nl-NL and en-GB are accepted, and only local return addresses.
/// </summary>
[AllowAnonymous]
public sealed class TaalModel : PageModel
{
    public IActionResult OnGet(string? cultuur, string? terug)
    {
        var culture = Platform.PlatformSetup.Cultures.FirstOrDefault(c => c.Name == cultuur)?.Name ?? "nl-NL";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(terug) ? terug : "/");
    }
}
