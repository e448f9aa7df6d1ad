using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Leave.Pages;

/// <summary>The attendance officer decides art. 14 leave over 10 school days (Leerplichtwet art. 14 lid 3).</summary>
[Authorize(Policy = Policies.AttendanceOfficer)]
public sealed class BesluitLeerplichtModel(LeaveRequests leave, IStringLocalizer<SharedText> text) : LeaveDecisionPageModel(leave, text)
{
    public override string QueuePath => "/Leerplicht/Verlof";
}
