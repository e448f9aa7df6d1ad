using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;

namespace Leerkluis.Web.Features.Attendance.Leave.Pages;

/// <summary>The attendance officer's queue: art. 14 leave over 10 school days of the municipality's children.</summary>
[Authorize(Policy = Policies.AttendanceOfficer)]
public sealed class WachtrijLeerplichtModel(LeaveRequests leave) : LeaveQueuePageModel(leave)
{
    public override string DetailBase => "/Leerplicht/Verlof";
}
