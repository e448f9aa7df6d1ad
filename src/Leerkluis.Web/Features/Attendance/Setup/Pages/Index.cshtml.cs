using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Setup.Pages;

/// <summary>The office's attendance settings (report limits, the guardians' message, care-signal thresholds) and the way to the rest of the set-up.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class IndexModel(AttendanceSetupCommands setup, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? SameDayDeadline { get; set; }
        public bool AllowPastReports { get; set; }
        public int MaxDaysAhead { get; set; }
        public string? AlertChannel { get; set; }
        public int SickSignalCount { get; set; }
        public int SickSignalWeeks { get; set; }
        public int SickSignalConsecutiveDays { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public SetupView View { get; private set; } = null!;

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await setup.ReadAsync(SchoolId, ct);
        var s = View.Settings;
        Input = new InputModel
        {
            SameDayDeadline = s.SameDayDeadline, AllowPastReports = s.AllowPastReports, MaxDaysAhead = s.MaxDaysAhead, AlertChannel = s.AlertChannel,
            SickSignalCount = s.SickSignalCount, SickSignalWeeks = s.SickSignalWeeks, SickSignalConsecutiveDays = s.SickSignalConsecutiveDays,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await setup.SaveSettingsAsync(SchoolId, new SaveSettingsCommand(Input.SameDayDeadline, Input.AllowPastReports, Input.MaxDaysAhead, Input.AlertChannel,
                Input.SickSignalCount, Input.SickSignalWeeks, Input.SickSignalConsecutiveDays), ct);
            TempData["Melding"] = text["De instellingen zijn opgeslagen."].Value;
            return Redirect("/School/Absentie/Instellingen");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
            View = await setup.ReadAsync(SchoolId, ct);
            return Page();
        }
    }
}
