using Leerkluis.Web.Features.Attendance.Reports;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Attendance.Reports.Pages.Leerplicht;

/// <summary>One confirmed absence report with the days it covers; opening it is an audited read (LegalDuty).</summary>
[Authorize(Policy = Policies.AttendanceOfficer)]
public sealed class MeldingModel(OfficerReports reports) : PageModel
{
    public OfficerReportDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(Guid learnerId, Guid id, CancellationToken ct) => Detail = await reports.GetAsync(learnerId, id, ct);
}
