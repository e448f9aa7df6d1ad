using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Home.Pages;

/// <summary>The front door: sends a signed-in person to their own start page.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true) return Page();
        if (User.IsInRole(Roles.Guardian)) return Redirect("/Ouder");
        if (Roles.Staff.Any(User.IsInRole)) return Redirect("/School/Leerlingen");
        if (User.IsInRole(Roles.Learner)) return Redirect("/Leerling");
        if (User.IsInRole(Roles.PartnerStaff)) return Redirect("/Partner");
        if (User.IsInRole(Roles.AttendanceOfficer)) return Redirect("/Leerplicht");
        return Redirect("/Account/Manage");
    }
}
