using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.RollCalls;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.RollCalls.Pages;

/// <summary>
/// The roll call on a phone: every learner of the group on one screen, pre-filled, one tap per learner, one form post for
/// all. A conflict re-shows the teacher's choices beside what someone else saved, with the new stamps, so a second post
/// ("Overschrijven") saves over it knowingly.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class GroepModel(RollCallService rollCalls, GroupAccess groups, SchoolSetups setups, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class LineInput
    {
        public Guid LearnerId { get; set; }
        public string State { get; set; } = MarkNames.Present;
        public string? Code { get; set; }
        public int? MinutesLate { get; set; }
        public Guid? Stamp { get; set; }
    }

    [BindProperty] public List<LineInput> Entries { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    [BindProperty(SupportsGet = true)] public int? Period { get; set; }

    public RollCallView? View { get; private set; }
    public IReadOnlyList<RollCallConflict> Conflicts { get; private set; } = [];
    public bool MayWrite => groups.MayWrite;
    public Guid GroupId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken ct)
    {
        GroupId = groupId;
        var day = ModelState.ParseDate(nameof(Day), Day, text);
        if (!ModelState.IsValid) return Page();
        try
        {
            View = await rollCalls.LoadAsync(groupId, day, Period, ct);
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex);
            return Page();
        }
        Entries = View.Learners.Select(l => new LineInput { LearnerId = l.LearnerId, State = l.State, Code = l.Code, MinutesLate = l.MinutesLate, Stamp = l.Stamp }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid groupId, CancellationToken ct)
    {
        GroupId = groupId;
        var day = ModelState.ParseDate(nameof(Day), Day, text);
        if (day is null) return await OnGetAsync(groupId, ct);
        var setup = await setups.ForSchoolAsync(groups.Actor.SchoolId ?? throw new NotFoundException(), ct);
        var command = new SaveRollCallCommand(day, Period,
            Entries.Select(e => new RollCallEntry(e.LearnerId, e.State, FittingCode(setup, e), e.MinutesLate, e.Stamp)).ToList());
        try
        {
            var saved = await rollCalls.SaveAsync(groupId, command, ct);
            TempData["Melding"] = saved.Alerts > 0
                ? text["De absentie is opgeslagen. De ouders van {0} leerling(en) krijgen bericht over ongemelde afwezigheid.", saved.Alerts].Value
                : text["De absentie is opgeslagen."].Value;
            return Redirect($"/School/Absentie/Groep/{groupId}?day={day:yyyy-MM-dd}&period={Period}");
        }
        catch (RollCallConflictException ex)
        {
            Conflicts = ex.Conflicts;
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex);
        }
        // Re-show with the teacher's own choices; after a conflict with the stamps that now stand, so "Overschrijven" can save.
        var posted = Entries.ToDictionary(e => e.LearnerId);
        try
        {
            View = await rollCalls.LoadAsync(groupId, day, Period, ct);
        }
        catch (ValidationFailedException)
        {
            return Page();
        }
        Entries = View.Learners.Select(l => posted.TryGetValue(l.LearnerId, out var mine)
            ? new LineInput { LearnerId = l.LearnerId, State = mine.State, Code = mine.Code, MinutesLate = mine.MinutesLate, Stamp = Conflicts.Count > 0 ? l.Stamp : mine.Stamp }
            : new LineInput { LearnerId = l.LearnerId, State = l.State, Stamp = l.Stamp }).ToList();
        return Page();
    }

    /// <summary>
    /// Without JavaScript the code list does not follow the tap: a late code left selected after switching to absent (or the
    /// other way round) is dropped, so the automatic code applies instead of an error.
    /// </summary>
    private static string? FittingCode(SchoolSetup setup, LineInput e)
    {
        if (string.IsNullOrWhiteSpace(e.Code) || MarkNames.Parse(e.State) is not { } mark || mark == Mark.Present) return null;
        if (setup.Code(e.Code) is not { } code) return e.Code;
        return (code.Category == AbsenceCategory.Late) == (mark == Mark.Late) ? e.Code : null;
    }

    /// <summary>"entries[2].code" → "Entries[2].Code", so the summary links to the line's field.</summary>
    private void AddErrors(ValidationFailedException ex)
    {
        foreach (var (field, messages) in ex.Errors)
        {
            var key = string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
            foreach (var m in messages) ModelState.AddModelError(key, text[m]);
        }
    }
}
