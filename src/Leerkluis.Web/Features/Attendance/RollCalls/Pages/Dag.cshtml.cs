using Leerkluis.Web.Features.Attendance.RollCalls;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.RollCalls.Pages;

/// <summary>
/// A group's day: periods × learners with their codes, a summary per period and for the day (printable). The office
/// changes a record's code here (excusing an unreported absence); a stamp that moved meanwhile is shown, not overwritten.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DagModel(GroupDayOverview overview, RecordCorrections corrections, GroupAccess groups, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    public GroupDay? View { get; private set; }
    public bool IsAdmin => groups.Actor.Role == Roles.SchoolAdmin;
    public RollCallConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken ct)
    {
        var day = ModelState.ParseDate(nameof(Day), Day, text);
        if (!ModelState.IsValid) return Page();
        try
        {
            View = await overview.LoadAsync(groupId, day, ct);
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (_, messages) in ex.Errors)
                foreach (var m in messages) ModelState.AddModelError(nameof(Day), text[m]);
        }
        return Page();
    }

    /// <summary>The office only (RecordCorrections refuses anyone else).</summary>
    public async Task<IActionResult> OnPostCodeAsync(Guid groupId, Guid learnerId, Guid recordId, Guid stamp, string? code, CancellationToken ct)
    {
        try
        {
            var changed = await corrections.ChangeCodeAsync(learnerId, recordId, new ChangeRecordCommand(code, stamp), ct);
            TempData["Melding"] = text["De code is gewijzigd in {0}.", changed.Code].Value;
            return Redirect($"/School/Absentie/Groep/{groupId}/Dag?day={Day}");
        }
        catch (RollCallConflictException ex)
        {
            Conflict = ex.Conflicts[0];
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (_, messages) in ex.Errors)
                foreach (var m in messages) ModelState.AddModelError("", text[m]);
        }
        return await OnGetAsync(groupId, ct);
    }
}
