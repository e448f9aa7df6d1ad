using Leerkluis.Web.Features.Attendance.Notices;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Attendance.Notices.Pages;

/// <summary>The learner's own absences, read-only (ACCESS.md: the learner reads the Absence section).</summary>
[Authorize(Policy = Policies.Learner)]
public sealed class LeerlingAbsentieModel(AbsenceNotices notices, CurrentActor current) : PageModel
{
    public AbsenceHistory History { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        History = await notices.HistoryAsync(current.Value.LearnerId ?? throw new NotFoundException(), null, null, ct);
}
