using Leerkluis.Web.Features.Attendance.Signals;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Signals.Pages;

/// <summary>Care signals (zorgsignalen) about frequent or long sickness, for the care coordinator: open ones, mark handled.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SignalenModel(CareSignals signals, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "afgehandeld")] public bool Handled { get; set; }
    public IReadOnlyList<CareSignalRow> Rows { get; private set; } = [];
    /// <summary>The learner's name after marking a signal handled (shown once).</summary>
    [TempData] public string? HandledName { get; set; }

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    public async Task OnGetAsync(CancellationToken ct) => Rows = await signals.ListAsync(SchoolId, Handled, ct);

    public async Task<IActionResult> OnPostHandledAsync(Guid learnerId, Guid id, CancellationToken ct)
    {
        try
        {
            await signals.HandleAsync(SchoolId, learnerId, id, ct);
            HandledName = (await signals.ListAsync(SchoolId, true, ct)).FirstOrDefault(s => s.Id == id)?.LearnerName ?? "";
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddDomainErrors(e, text, e.Errors.Keys.ToDictionary(k => k, _ => ""));
            Rows = await signals.ListAsync(SchoolId, Handled, ct);
            return Page();
        }
    }
}
