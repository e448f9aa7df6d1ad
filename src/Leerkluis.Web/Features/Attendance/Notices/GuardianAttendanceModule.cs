using Leerkluis.Web.Features.Attendance.Alerts;
using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Features.Attendance.Notices;

// In the slice's namespace, so AttendanceModule and AttendanceApi call it with one line each.
namespace Leerkluis.Web.Features.Attendance;

/// <summary>The family's side of attendance: absence notices, leave requests and same-morning alerts.</summary>
public static class GuardianAttendanceModule
{
    public static IServiceCollection AddAttendanceGuardian(this IServiceCollection services)
    {
        services.AddScoped<AbsenceNotices>();
        services.AddScoped<LeaveRequests>();
        services.AddScoped<GuardianAlertSender>();
        services.AddOptions<AlertOptions>().BindConfiguration("Attendance");
        services.AddHostedService<GuardianAlertWorker>();
        return services;
    }

    public static RouteGroupBuilder MapAttendanceGuardianApi(this RouteGroupBuilder api) => api.MapAbsenceNoticesApi().MapLeaveApi();
}
