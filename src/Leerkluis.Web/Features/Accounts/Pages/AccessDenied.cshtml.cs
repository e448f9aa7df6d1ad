using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>
/// Where the cookie handler sends a refused page request. The usual reason for staff is a sign-in without the
/// second factor, so this page says so and links to the set-up instead of only saying "no access".
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel(IConfiguration config) : PageModel
{
    public bool NeedsTwoFactor { get; private set; }
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        ReturnUrl = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        NeedsTwoFactor = User.Identity?.IsAuthenticated == true
            && config.GetValue("Security:RequireStaffTwoFactor", true)
            && AccountRules.MustUseTwoFactor(User)
            && !AccountRules.PassedSecondFactor(User);
    }
}
