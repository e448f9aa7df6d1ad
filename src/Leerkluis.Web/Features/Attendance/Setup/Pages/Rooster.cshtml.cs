using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Setup.Pages;

/// <summary>
/// A group's weekly timetable (vo): a subject (and teacher) per period of the week. Periods left empty are no lesson
/// for the group; a group with an empty timetable follows every period of the school (po).
/// </summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class RoosterModel(AttendanceSetupCommands setup, SchoolCommands schools, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class SlotInput
    {
        public string? Weekday { get; set; }
        public int Number { get; set; }
        public string? Subject { get; set; }
        public Guid? StaffId { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "groep")] public Guid? GroupId { get; set; }
    [BindProperty] public List<SlotInput> Slots { get; set; } = [];
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    public IReadOnlyList<StaffView> Teachers { get; private set; } = [];
    public SetupView View { get; private set; } = null!;

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (GroupId is not { } groupId) return;
        var current = await setup.TimetableAsync(groupId, ct);
        Slots = View.Periods.Select(p => current.FirstOrDefault(s => s.Weekday == p.Weekday && s.Number == p.Number) is { } s
            ? new SlotInput { Weekday = p.Weekday, Number = p.Number, Subject = s.Subject, StaffId = s.StaffId }
            : new SlotInput { Weekday = p.Weekday, Number = p.Number }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (GroupId is not { } groupId) throw new NotFoundException();
        var lessons = Slots.Where(s => !string.IsNullOrWhiteSpace(s.Subject)).ToList();
        try
        {
            await setup.SetTimetableAsync(groupId, new TimetableCommand(lessons.Select(s => new TimetableSlotCommand(s.Weekday, s.Number, s.Subject, s.StaffId)).ToList()), ct);
            TempData["Melding"] = text["Het rooster is opgeslagen."].Value;
            return Redirect($"/School/Absentie/Instellingen/Rooster?groep={groupId}");
        }
        catch (ValidationFailedException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("", text[m]);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await setup.ReadAsync(SchoolId, ct);
        Groups = await schools.GroupsAsync(SchoolId, ct: ct);
        if (GroupId is { } g && Groups.All(x => x.Id != g)) throw new NotFoundException();
        Teachers = (await schools.StaffAsync(SchoolId, ct)).Where(s => s.Role == StaffRole.Teacher).ToList();
    }
}
