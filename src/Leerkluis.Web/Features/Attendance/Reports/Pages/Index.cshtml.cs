using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Reports;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Reports.Pages;

/// <summary>
/// The school's queue of absence reports (verzuimmeldingen): open, confirmed and withdrawn, with the days behind each.
/// The admin recalculates, confirms and exports; the care coordinator reads. Outcomes are shown by the view (localized).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AbsenceReportQueue queue, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    public static readonly (string Slug, AbsenceReportStatus Status)[] Tabs =
        [("openstaand", AbsenceReportStatus.Pending), ("bevestigd", AbsenceReportStatus.Confirmed), ("ingetrokken", AbsenceReportStatus.Withdrawn)];

    [BindProperty(SupportsGet = true, Name = "status")] public string? Slug { get; set; }
    public AbsenceReportStatus Shown => Tabs.FirstOrDefault(t => t.Slug == Slug, Tabs[0]).Status;
    public IReadOnlyList<ReportRow> Rows { get; private set; } = [];
    public bool IsAdmin => current.Value.Role == Roles.SchoolAdmin;

    /// <summary>"created;updated;withdrawn;signals" after a recalculation (shown once).</summary>
    [TempData] public string? Recalculated { get; set; }
    /// <summary>The learner's name after a confirmation (shown once).</summary>
    [TempData] public string? Confirmed { get; set; }

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queue.ListAsync(SchoolId, Shown, ct);

    public async Task<IActionResult> OnPostRecalculateAsync(CancellationToken ct)
    {
        var o = await queue.RecalculateAsync(SchoolId, ct);
        Recalculated = $"{o.Created};{o.Updated};{o.Withdrawn};{o.Signals}";
        return RedirectToPage(new { status = Slug });
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid learnerId, Guid id, CancellationToken ct)
    {
        try
        {
            var row = await queue.ConfirmAsync(SchoolId, learnerId, id, ct);
            Confirmed = row.LearnerName;
            return RedirectToPage(new { status = Slug });
        }
        catch (ValidationFailedException e)
        {
            // The messages name what to fix; they belong to no field on this page.
            ModelState.AddDomainErrors(e, text, e.Errors.Keys.ToDictionary(k => k, _ => ""));
            Rows = await queue.ListAsync(SchoolId, Shown, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(await queue.ExportCsvAsync(SchoolId, ct), "text/csv; charset=utf-8", $"verzuimmeldingen-{await queue.SchoolCodeAsync(SchoolId, ct)}.csv");

    public async Task<IActionResult> OnGetXmlAsync(CancellationToken ct) =>
        File(await queue.ExportXmlAsync(SchoolId, ct), "application/xml", $"verzuimmeldingen-{await queue.SchoolCodeAsync(SchoolId, ct)}.xml");

    public int[] RecalculatedCounts() =>
        Recalculated?.Split(';').Select(int.Parse).ToArray() ?? [];
}
