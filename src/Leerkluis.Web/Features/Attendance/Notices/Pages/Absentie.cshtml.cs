using Leerkluis.Web.Features.Attendance.Notices;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Notices.Pages;

/// <summary>A child's absences for the guardian: what was reported and what the school registered, and "beter melden" for an open sick report.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class AbsentieModel(AbsenceNotices notices, IStringLocalizer<SharedText> text, TimeProvider clock) : PageModel
{
    public AbsenceHistory History { get; private set; } = null!;
    [BindProperty] public string? BackDay { get; set; }
    /// <summary>Suggested first day back: tomorrow, or the day after the first sick day when that is later.</summary>
    public string BackDefault(NoticeView n)
    {
        var tomorrow = Amsterdam.Today(clock).AddDays(1);
        return (n.From >= tomorrow ? n.From.AddDays(1) : tomorrow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => History = await notices.HistoryAsync(id, null, null, ct);

    public async Task<IActionResult> OnPostBeterAsync(Guid id, Guid noticeId, CancellationToken ct)
    {
        var day = ModelState.ParseDate(nameof(BackDay), BackDay, text);
        if (ModelState.IsValid)
        {
            try
            {
                await notices.RecoveredAsync(id, noticeId, new RecoveredCommand(day), ct);
                TempData["Melding"] = text["De beter-melding is verwerkt. Fijn dat het weer goed gaat!"].Value;
                return Redirect($"/Ouder/Absentie/{id}");
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddDomainErrors(ex, text, new Dictionary<string, string> { ["day"] = nameof(BackDay) });
            }
        }
        History = await notices.HistoryAsync(id, null, null, ct);
        return Page();
    }
}
