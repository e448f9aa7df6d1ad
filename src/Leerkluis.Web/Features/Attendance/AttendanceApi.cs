using Leerkluis.Web.Features.Attendance.Reports;
using Leerkluis.Web.Features.Attendance.RollCalls;

namespace Leerkluis.Web.Features.Attendance;

/// <summary>The attendance slice's /api/v1 endpoints: each part maps its own (one line each).</summary>
public static class AttendanceApi
{
    public static RouteGroupBuilder MapAttendanceApi(this RouteGroupBuilder api)
    {
        // Parts: notices and leave (guardians), set-up and roll call (school), reports and overviews.
        api.MapAttendanceGuardianApi();
        api.MapAbsenceReportsApi();
        api.MapRollCallApi();
        return api;
    }
}
