using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Activities;
using Leerkluis.Web.Features.Careers.Documents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Portal.Pages;

/// <summary>The candidate's own page: route, phase, next step, contact persons; download, withdraw consent, erase (AVG).</summary>
[Authorize(Policy = CareersPolicies.Candidate)]
public sealed class IndexModel(CandidatePortal portal, RegionActivities activities, CandidateDocuments documents) : PageModel
{
    public PortalView View { get; private set; } = null!;
    public IReadOnlyList<PortalActivity> Activities { get; private set; } = [];
    public string? RegisterError { get; private set; }
    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];
    [BindProperty] public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRegisterAsync(Guid activityId, CancellationToken ct)
    {
        try { await activities.RegisterMeAsync(activityId, ct); }
        catch (Platform.Errors.ValidationFailedException ex)
        {
            RegisterError = string.Join(" ", ex.Errors.SelectMany(e => e.Value)).Replace("De kandidaat is", "Je bent");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Melding"] = "Je bent aangemeld. Je ziet de activiteit terug in je route.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await portal.ViewAsync(ct);
        Activities = await activities.ForMeAsync(ct);
        Documents = await documents.MineAsync(ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        await portal.WithdrawConsentAsync(ct);
        TempData["Melding"] = "Je toestemming is ingetrokken. Je adviseur neemt geen contact meer met je op.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        try { await portal.EraseAsync(Confirmation ?? "", ct); }
        catch (Platform.Errors.ValidationFailedException ex)
        {
            foreach (var (_, messages) in ex.Errors) foreach (var m in messages) ModelState.AddModelError(nameof(Confirmation), m);
            await LoadAsync(ct);
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        TempData["Melding"] = "Al je gegevens zijn verwijderd.";
        return Redirect("/");
    }
}
