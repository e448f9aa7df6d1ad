using Leerkluis.Web.Features.Careers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Introductions.Pages.Werkgever;

/// <summary>The HR officer of a school board: the board's vacancies, introduced candidates (with status) and matching candidates who consented.</summary>
[Authorize(Policy = CareersPolicies.HrOfficer)]
public sealed class IndexModel(CandidateIntroductions introductions) : PageModel
{
    public IReadOnlyList<PartnerVacancyView> Vacancies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Vacancies = await introductions.ForHrAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid introductionId, IntroductionStatus status, CancellationToken ct)
    {
        await introductions.SetStatusAsync(introductionId, status, ct);
        TempData["Melding"] = "De status van het voorstel is bijgewerkt.";
        return RedirectToPage();
    }
}
