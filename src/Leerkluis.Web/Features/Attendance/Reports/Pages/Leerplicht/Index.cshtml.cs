using Leerkluis.Web.Features.Attendance.Reports;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Attendance.Reports.Pages.Leerplicht;

/// <summary>The attendance officer's confirmed absence reports of learners living in their municipality.</summary>
[Authorize(Policy = Policies.AttendanceOfficer)]
public sealed class IndexModel(OfficerReports reports) : PageModel
{
    public IReadOnlyList<OfficerReportRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await reports.ListAsync(ct);
}
