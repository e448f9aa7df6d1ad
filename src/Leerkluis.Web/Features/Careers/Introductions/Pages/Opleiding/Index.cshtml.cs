using Leerkluis.Web.Features.Careers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Introductions.Pages.Opleiding;

/// <summary>The training coordinator: the institute's programmes, introduced candidates (with status) and interested candidates who consented.</summary>
[Authorize(Policy = CareersPolicies.TrainingCoordinator)]
public sealed class IndexModel(CandidateIntroductions introductions) : PageModel
{
    public IReadOnlyList<PartnerProgrammeView> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await introductions.ForCoordinatorAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid introductionId, IntroductionStatus status, CancellationToken ct)
    {
        await introductions.SetStatusAsync(introductionId, status, ct);
        TempData["Melding"] = "De status van het voorstel is bijgewerkt.";
        return RedirectToPage();
    }
}
