namespace Leerkluis.Web.Features.Careers.Activities;

/// <summary>Orientation activities: planned and attended by advisors, and the candidate's own registrations.</summary>
public static class ActivitiesApi
{
    public static void Map(CareersApi careers)
    {
        careers.Advisor.MapGet("/activities", async (RegionActivities s, CancellationToken ct) => TypedResults.Ok(await s.UpcomingAsync(null, ct)));
        careers.Advisor.MapPost("/activities", async (CreateActivityCommand c, RegionActivities s, CancellationToken ct) =>
        {
            var activity = await s.CreateAsync(c, ct);
            return TypedResults.Created($"/api/v1/careers/activities/{activity.Id}", new CareersApi.CreatedId(activity.Id));
        });
        careers.Advisor.MapGet("/activities/{id:guid}", async (Guid id, RegionActivities s, CancellationToken ct) => TypedResults.Ok(await s.DetailAsync(id, ct)));
        careers.Advisor.MapPost("/activities/{id:guid}/registrations", async (Guid id, RegisterCommand c, RegionActivities s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/careers/activities/{id}", new CareersApi.CreatedId((await s.RegisterAsync(id, c.CandidateId, ct)).Id)));
        careers.Advisor.MapPut("/activities/{id:guid}/registrations/{registrationId:guid}", async (Guid id, Guid registrationId, AttendanceCommand c, RegionActivities s, CancellationToken ct) =>
        {
            await s.MarkAsync(id, registrationId, c.Status, ct);
            return TypedResults.NoContent();
        });

        careers.Candidate.MapGet("/activities", async (RegionActivities s, CancellationToken ct) => TypedResults.Ok(await s.ForMeAsync(ct)));
        careers.Candidate.MapPost("/activities/{id:guid}/registration", async (Guid id, RegionActivities s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/me/activities", new CareersApi.CreatedId((await s.RegisterMeAsync(id, ct)).Id)));
    }
}
