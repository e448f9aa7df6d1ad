using Microsoft.AspNetCore.Http.HttpResults;

namespace Leerkluis.Web.Features.Careers.Introductions;

/// <summary>Introductions of candidates to vacancies and programmes, as the advisor, the HR officer and the training coordinator see them.</summary>
public static class IntroductionsApi
{
    private static async Task<NoContent> SetIntroductionStatus(Guid id, IntroductionStatusCommand c, CandidateIntroductions s, CancellationToken ct)
    {
        await s.SetStatusAsync(id, c.Status, ct);
        return TypedResults.NoContent();
    }

    public static void Map(CareersApi careers)
    {
        careers.Advisor.MapGet("/candidates/{id:guid}/introductions", async (Guid id, CandidateIntroductions s, CancellationToken ct) => TypedResults.Ok(await s.ForCandidateAsync(id, ct)));
        careers.Advisor.MapPost("/candidates/{id:guid}/introductions", async (Guid id, ProposeCommand c, CandidateIntroductions s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/careers/candidates/{id}/introductions", new CareersApi.CreatedId((await s.ProposeAsync(id, c, ct)).Id)));
        careers.Advisor.MapPut("/introductions/{id:guid}/status", SetIntroductionStatus);

        careers.HrOfficer.MapGet("/vacancies", async (CandidateIntroductions s, CancellationToken ct) => TypedResults.Ok(await s.ForHrAsync(ct)));
        careers.HrOfficer.MapPut("/introductions/{id:guid}/status", SetIntroductionStatus);
        careers.TrainingCoordinator.MapGet("/programmes", async (CandidateIntroductions s, CancellationToken ct) => TypedResults.Ok(await s.ForCoordinatorAsync(ct)));
        careers.TrainingCoordinator.MapPut("/introductions/{id:guid}/status", SetIntroductionStatus);
    }
}
