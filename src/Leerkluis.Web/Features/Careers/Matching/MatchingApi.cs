namespace Leerkluis.Web.Features.Careers.Matching;

/// <summary>The best vacancies and programmes for a candidate, with the reasons of the score.</summary>
public static class MatchingApi
{
    public static void Map(CareersApi careers)
    {
        careers.Advisor.MapGet("/candidates/{id:guid}/matches", async (Guid id, int? top, CandidateMatches s, CancellationToken ct) =>
            TypedResults.Ok(await s.ForCandidateAsync(id, top ?? 20, ct)));
    }
}
