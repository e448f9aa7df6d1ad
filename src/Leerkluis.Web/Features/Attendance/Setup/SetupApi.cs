using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Attendance.Setup;

/// <summary>/api/v1/schools/{schoolId}/attendance-setup/... and /api/v1/groups/{groupId}/timetable: the office's set-up.</summary>
public static class SetupApi
{
    public static RouteGroupBuilder MapAttendanceSetupApi(this RouteGroupBuilder api)
    {
        var setup = api.MapGroup("/schools/{schoolId:guid}/attendance-setup").WithTags("Attendance set-up").RequireAuthorization(Policies.SchoolAdmin);
        setup.MapGet("", async (Guid schoolId, AttendanceSetupCommands s, CancellationToken ct) => TypedResults.Ok(await s.ReadAsync(schoolId, ct)));
        setup.MapPut("/settings", async (Guid schoolId, SaveSettingsCommand c, AttendanceSetupCommands s, CancellationToken ct) =>
        {
            await s.SaveSettingsAsync(schoolId, c, ct);
            return TypedResults.NoContent();
        });
        setup.MapPost("/periods", async (Guid schoolId, PeriodCommand c, AttendanceSetupCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/schools/{schoolId}/attendance-setup", new CreatedId(await s.AddPeriodAsync(schoolId, c, ct))));
        setup.MapPut("/periods/{periodId:guid}", async (Guid schoolId, Guid periodId, PeriodCommand c, AttendanceSetupCommands s, CancellationToken ct) =>
        {
            await s.ChangePeriodAsync(schoolId, periodId, c, ct);
            return TypedResults.NoContent();
        });
        setup.MapDelete("/periods/{periodId:guid}", async (Guid schoolId, Guid periodId, AttendanceSetupCommands s, CancellationToken ct) =>
        {
            await s.RemovePeriodAsync(schoolId, periodId, ct);
            return TypedResults.NoContent();
        });
        setup.MapPost("/codes", async (Guid schoolId, CodeCommand c, AttendanceSetupCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/schools/{schoolId}/attendance-setup", new CreatedId(await s.AddCodeAsync(schoolId, c, ct))));
        setup.MapPut("/codes/{codeId:guid}", async (Guid schoolId, Guid codeId, CodeCommand c, AttendanceSetupCommands s, CancellationToken ct) =>
        {
            await s.ChangeCodeAsync(schoolId, codeId, c, ct);
            return TypedResults.NoContent();
        });
        setup.MapPost("/closures", async (Guid schoolId, ClosureCommand c, AttendanceSetupCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/schools/{schoolId}/attendance-setup", new CreatedId(await s.AddClosureAsync(schoolId, c, ct))));
        setup.MapDelete("/closures/{closureId:guid}", async (Guid schoolId, Guid closureId, AttendanceSetupCommands s, CancellationToken ct) =>
        {
            await s.RemoveClosureAsync(schoolId, closureId, ct);
            return TypedResults.NoContent();
        });

        var timetable = api.MapGroup("/groups/{groupId:guid}/timetable").WithTags("Attendance set-up").RequireAuthorization(Policies.SchoolAdmin);
        timetable.MapGet("", async (Guid groupId, AttendanceSetupCommands s, CancellationToken ct) => TypedResults.Ok(await s.TimetableAsync(groupId, ct)));
        timetable.MapPut("", async (Guid groupId, TimetableCommand c, AttendanceSetupCommands s, CancellationToken ct) =>
        {
            await s.SetTimetableAsync(groupId, c, ct);
            return TypedResults.NoContent();
        });
        return api;
    }

    public static IServiceCollection AddAttendanceSetup(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<SchoolSetups>();
        services.AddScoped<AttendanceSetupCommands>();
        return services;
    }
}
