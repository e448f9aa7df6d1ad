using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.CompulsoryEducation.Pages;

/// <summary>One case: the child, the duty phase, the history, a note form and a status form (closing needs a reason).</summary>
[Authorize(Policy = Policies.AttendanceOfficer)]
public sealed class ZaakModel(Caseload caseload, IStringLocalizer<SharedText> text) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public CaseStatus? NewStatus { get; set; }
    [BindProperty] public ClosingReason? Reason { get; set; }
    [BindProperty] public string? Explanation { get; set; }

    public async Task OnGetAsync(Guid subjectId, Guid id, CancellationToken ct) => Case = await caseload.GetAsync(subjectId, id, ct);

    public Task<IActionResult> OnPostNoteAsync(Guid subjectId, Guid id, CancellationToken ct) =>
        Try(subjectId, id, () => caseload.AddNoteAsync(subjectId, id, new AddNoteCommand(Note), ct), "De notitie is toegevoegd.",
            new Dictionary<string, string> { ["text"] = "Note" }, ct);

    public Task<IActionResult> OnPostStatusAsync(Guid subjectId, Guid id, CancellationToken ct) =>
        Try(subjectId, id, () => caseload.ChangeStatusAsync(subjectId, id, new ChangeStatusCommand(NewStatus, Reason, Explanation), ct), "De status is gewijzigd.",
            new Dictionary<string, string> { ["status"] = "NewStatus", ["closingReason"] = "Reason", ["note"] = "Explanation" }, ct);

    private async Task<IActionResult> Try(Guid subjectId, Guid id, Func<Task> work, string done, Dictionary<string, string> keys, CancellationToken ct)
    {
        try
        {
            await work();
            TempData["Melding"] = text[done].Value;
            return RedirectToPage(new { subjectId, id });
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddDomainErrors(e, text, keys);
            Case = await caseload.GetAsync(subjectId, id, ct);
            return Page();
        }
    }
}
