using Leerkluis.Web.Features.Attendance.Reports;
using Leerkluis.Web.Features.Attendance.RollCalls;
using Leerkluis.Web.Features.Vault;
using Leerkluis.Web.Platform.Jobs;

namespace Leerkluis.Web.Features.Attendance;

public static class AttendanceModule
{
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddScoped<AttendanceDefaults>();
        services.AddScoped<SchoolSchedule>();
        services.AddScoped<AbsenceEvaluator>();
        services.AddDailyJob<AbsenceRuleJob>();
        services.AddAttendanceGuardian();
        services.AddAttendanceReports();
        services.AddAttendanceRollCalls();
        // Absence data is kept 5 years after leaving (with the enrolment), not the dossier's 2.
        services.Configure<RetentionOptions>(o => o
            .Keep<AttendanceRecord>(DataKind.AbsenceAndEnrolment)
            .Keep<AbsenceNotice>(DataKind.AbsenceAndEnrolment)
            .Keep<AbsenceReport>(DataKind.AbsenceAndEnrolment)
            .Keep<LeaveRequest>(DataKind.AbsenceAndEnrolment)
            .Keep<GuardianAlert>(DataKind.Dossier)
            .Keep<CareSignal>(DataKind.Dossier));
        return services;
    }
}
