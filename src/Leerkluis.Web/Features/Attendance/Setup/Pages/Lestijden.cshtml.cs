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

/// <summary>The day schedule (po: day parts) or lesson periods (vo) per weekday: add, change times, remove.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class LestijdenModel(AttendanceSetupCommands setup, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? Weekday { get; set; } = "monday";
        public string? Kind { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public SetupView View { get; private set; } = null!;
    public static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await setup.ReadAsync(SchoolId, ct);
        Input.Kind ??= (View.Periods is [var first, ..] ? first.Kind : null) ?? "lesson";
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        RunAsync(() => setup.AddPeriodAsync(SchoolId, new PeriodCommand(Input.Weekday, null, Input.Kind, Input.Start, Input.End), ct), "Het uur is toegevoegd.", true, ct);

    public Task<IActionResult> OnPostChangeAsync(Guid id, string? kind, string? start, string? end, CancellationToken ct) =>
        RunAsync(() => setup.ChangePeriodAsync(SchoolId, id, new PeriodCommand(null, null, kind, start, end), ct), "De tijden zijn gewijzigd.", false, ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => setup.RemovePeriodAsync(SchoolId, id, ct), "Het uur is verwijderd.", false, ct);

    private async Task<IActionResult> RunAsync(Func<Task> work, string done, bool addForm, CancellationToken ct)
    {
        try
        {
            await work();
            TempData["Melding"] = text[done].Value;
            return Redirect("/School/Absentie/Instellingen/Lestijden");
        }
        catch (ValidationFailedException ex)
        {
            // The add form shows its errors at its fields; a row's change has no fields of its own on the page, so at the top.
            if (addForm) ModelState.AddDomainErrors(ex, text);
            else foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("", text[m]);
            View = await setup.ReadAsync(SchoolId, ct);
            return Page();
        }
    }
}
