namespace Leerkluis.Web.Features.Careers.SavedSearches;

/// <summary>An advisor's saved filters of the candidate list.</summary>
public static class SavedSearchesApi
{
    public static void Map(CareersApi careers)
    {
        careers.Advisor.MapGet("/saved-searches", async (SavedSearchStore s, CancellationToken ct) => TypedResults.Ok(await s.MineAsync(ct)));
        careers.Advisor.MapPost("/saved-searches", async (SaveSearchCommand c, SavedSearchStore s, CancellationToken ct) =>
        {
            var saved = await s.SaveAsync(c, ct);
            return TypedResults.Created("/api/v1/careers/saved-searches", new SavedSearchView(saved.Id, saved.Name, saved.Query));
        });
        careers.Advisor.MapDelete("/saved-searches/{id:guid}", async (Guid id, SavedSearchStore s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
    }
}
