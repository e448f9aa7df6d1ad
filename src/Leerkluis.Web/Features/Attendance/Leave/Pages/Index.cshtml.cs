using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;

namespace Leerkluis.Web.Features.Attendance.Leave.Pages;

/// <summary>The head's (school admin's) queue of leave requests of the school.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class IndexModel(LeaveRequests leave) : LeaveQueuePageModel(leave)
{
    public override string DetailBase => "/School/Verlof";
}
