using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.RollCalls;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.RollCalls.Pages;

/// <summary>Where the roll call starts: the groups the staff member may open, each with today's periods (one tap to the roll).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(GroupAccess groups, SchoolSetups setups) : PageModel
{
    public sealed record GroupToday(Guid Id, string Name, IReadOnlyList<ScheduledPeriod> Periods);

    public DateOnly Today { get; private set; }
    public bool SchoolDay { get; private set; }
    public List<GroupToday> Groups { get; private set; } = [];
    public bool IsAdmin => groups.Actor.Role == Roles.SchoolAdmin;
    public bool IsTeacher => groups.Actor.Role == Roles.Teacher;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var schoolId = groups.Actor.SchoolId ?? throw new NotFoundException();
        var setup = await setups.ForSchoolAsync(schoolId, ct);
        Today = groups.Today;
        SchoolDay = setup.Week.Calendar.IsSchoolDay(Today);
        var list = await groups.Groups().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        Groups = list.Select(g => new GroupToday(g.Id, g.Name, setup.Week.PeriodsOf(g.Id, Today))).ToList();
    }
}
