using Leerkluis.Web.Features.Careers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Activities.Pages;

/// <summary>One activity of the advisor's own region: who registered, and attendance (aanwezig / niet verschenen).</summary>
[Authorize(Policy = CareersPolicies.Advisor)]
public sealed class ActiviteitModel(RegionActivities activities) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ActivityDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Detail = await activities.DetailAsync(Id, ct);

    public async Task<IActionResult> OnPostAsync(Guid registrationId, AttendanceStatus status, CancellationToken ct)
    {
        await activities.MarkAsync(Id, registrationId, status, ct);
        TempData["Melding"] = "Aanwezigheid vastgelegd.";
        return RedirectToPage(new { Id });
    }
}
