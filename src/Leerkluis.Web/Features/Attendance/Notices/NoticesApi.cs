using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Attendance.Notices;

/// <summary>/api/v1/learners/{id}/absence-notices and /absences: guardians and staff report, the family and the school read.</summary>
public static class NoticesApi
{
    public static RouteGroupBuilder MapAbsenceNoticesApi(this RouteGroupBuilder api)
    {
        var learner = api.MapGroup("/learners/{learnerId:guid}").WithTags("Absence").RequireAuthorization(Policies.Dossier);
        learner.MapPost("/absence-notices", async (Guid learnerId, ReportAbsenceCommand command, AbsenceNotices notices, CancellationToken ct) =>
        {
            var id = await notices.ReportAsync(learnerId, command, ct);
            return TypedResults.Created($"/api/v1/learners/{learnerId}/absences", new { id });
        });
        learner.MapPost("/absence-notices/{id:guid}/recovered", async (Guid learnerId, Guid id, RecoveredCommand command, AbsenceNotices notices, CancellationToken ct) =>
            TypedResults.Ok(await notices.RecoveredAsync(learnerId, id, command, ct)));
        learner.MapGet("/absences", async (Guid learnerId, DateOnly? from, DateOnly? to, AbsenceNotices notices, CancellationToken ct) =>
            TypedResults.Ok(await notices.HistoryAsync(learnerId, from, to, ct)));
        return api;
    }
}
