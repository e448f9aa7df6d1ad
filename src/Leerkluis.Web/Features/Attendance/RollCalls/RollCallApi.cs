using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Attendance.RollCalls;

/// <summary>
/// /api/v1/groups/{groupId}/roll-call (GET pre-filled, PUT all lines at once) and the school's correction of a record
/// (PATCH /api/v1/learners/{learnerId}/attendance-records/{id}). A changed stamp answers 409 with the conflicts.
/// </summary>
public static class RollCallApi
{
    public static RouteGroupBuilder MapRollCallApi(this RouteGroupBuilder api)
    {
        api.MapAttendanceSetupApi();
        var rollCall = api.MapGroup("/groups/{groupId:guid}/roll-call").WithTags("Attendance").RequireAuthorization(Policies.Staff);
        rollCall.MapGet("", async (Guid groupId, DateOnly? day, int? period, RollCallService s, CancellationToken ct) =>
            TypedResults.Ok(await s.LoadAsync(groupId, day, period, ct)));
        rollCall.MapPut("", async (Guid groupId, SaveRollCallCommand command, RollCallService s, CancellationToken ct) =>
        {
            try
            {
                return Results.Ok(await s.SaveAsync(groupId, command, ct));
            }
            catch (RollCallConflictException ex)
            {
                return Conflict(ex);
            }
        });

        api.MapPatch("/learners/{learnerId:guid}/attendance-records/{recordId:guid}",
            async (Guid learnerId, Guid recordId, ChangeRecordCommand command, RecordCorrections s, CancellationToken ct) =>
            {
                try
                {
                    return Results.Ok(await s.ChangeCodeAsync(learnerId, recordId, command, ct));
                }
                catch (RollCallConflictException ex)
                {
                    return Conflict(ex);
                }
            }).WithTags("Attendance").RequireAuthorization(Policies.SchoolAdmin);
        return api;
    }

    private static IResult Conflict(RollCallConflictException ex) =>
        Results.Problem(title: ex.Message, statusCode: StatusCodes.Status409Conflict,
            detail: "Laad de absentie opnieuw, of stuur de nieuwe stamps mee om te overschrijven.",
            extensions: new Dictionary<string, object?> { ["conflicts"] = ex.Conflicts });
}

public static class RollCallModule
{
    public static IServiceCollection AddAttendanceRollCalls(this IServiceCollection services)
    {
        services.AddAttendanceSetup();
        services.AddScoped<GroupAccess>();
        services.AddScoped<RollCallService>();
        services.AddScoped<RecordCorrections>();
        services.AddScoped<GroupDayOverview>();
        return services;
    }
}
