using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Leave.Pages;

/// <summary>The head decides a leave request of the school (art. 13a, and art. 14 up to 10 school days).</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class BesluitModel(LeaveRequests leave, IStringLocalizer<SharedText> text) : LeaveDecisionPageModel(leave, text)
{
    public override string QueuePath => "/School/Verlof";
}
