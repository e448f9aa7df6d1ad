using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Pages.School.Verlof;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;

namespace Leerkluis.Web.Pages.Leerplicht;

/// <summary>The attendance officer's queue: art. 14 leave over 10 school days of the municipality's children.</summary>
[Authorize(Policy = Policies.AttendanceOfficer)]
public sealed class VerlofModel(LeaveRequests leave) : LeaveQueuePageModel(leave)
{
    public override string DetailBase => "/Leerplicht/Verlof";
}
