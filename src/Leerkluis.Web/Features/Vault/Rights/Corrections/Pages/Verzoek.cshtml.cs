using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.Rights.Corrections.Pages;

/// <summary>One correction request: today's values next to the proposed ones; approve, or reject with a reason.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class VerzoekModel(CorrectionRequests corrections, IStringLocalizer<SharedText> text) : PageModel
{
    public CorrectionRequestView Correction { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(Guid learnerId, Guid id, CancellationToken ct) => Correction = await corrections.GetForSchoolAsync(learnerId, id, ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid learnerId, Guid id, CancellationToken ct)
    {
        try
        {
            await corrections.ApproveAsync(learnerId, id, ct);
            TempData["Melding"] = text["Het verzoek is goedgekeurd en de gegevens zijn aangepast."].Value;
            return Redirect("/School/Correcties");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text, new Dictionary<string, string> { ["reason"] = nameof(Reason) }, prefix: "");
        }
        Correction = await corrections.GetForSchoolAsync(learnerId, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid learnerId, Guid id, CancellationToken ct)
    {
        try
        {
            await corrections.RejectAsync(learnerId, id, new RejectCorrectionCommand(Reason), ct);
            TempData["Melding"] = text["Het verzoek is afgewezen. De ouder krijgt de reden te zien."].Value;
            return Redirect("/School/Correcties");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text, new Dictionary<string, string> { ["reason"] = nameof(Reason) }, prefix: "");
        }
        Correction = await corrections.GetForSchoolAsync(learnerId, id, ct);
        return Page();
    }
}
