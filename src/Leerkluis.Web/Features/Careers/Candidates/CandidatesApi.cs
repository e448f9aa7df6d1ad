using Microsoft.AspNetCore.Mvc;

namespace Leerkluis.Web.Features.Careers.Candidates;

/// <summary>The advisor's candidate list (with its exports), the candidate card and everything an advisor changes on it.</summary>
public static class CandidatesApi
{
    public sealed record PhaseResult(Phase Phase);

    public static void Map(CareersApi careers)
    {
        careers.Advisor.MapGet("/candidates", async ([AsParameters] CandidateSearch q, CandidateQueries s, CancellationToken ct) => TypedResults.Ok(await s.SearchAsync(q, ct)));
        careers.Advisor.MapGet("/candidates.csv", async ([AsParameters] CandidateSearch q, CandidateQueries s, CancellationToken ct) =>
            TypedResults.File(CandidateExport.Csv(await s.ExportAsync(q, ct)), "text/csv; charset=utf-8", "kandidaten.csv"));
        careers.Advisor.MapGet("/candidates.xlsx", async ([AsParameters] CandidateSearch q, CandidateQueries s, CancellationToken ct) =>
            TypedResults.File(CandidateExport.Xlsx(await s.ExportAsync(q, ct)), CandidateExport.XlsxContentType, "kandidaten.xlsx"));
        careers.Advisor.MapPost("/candidates", async (CreateCandidateCommand c, CandidateCommands s, CancellationToken ct) =>
        {
            var candidate = await s.CreateAsync(c, ct);
            return TypedResults.Created($"/api/v1/careers/candidates/{candidate.Id}", new CareersApi.CreatedId(candidate.Id));
        });
        careers.Advisor.MapGet("/candidates/{id:guid}", async (Guid id, CandidateQueries s, CancellationToken ct) =>
        {
            var card = await s.CardAsync(id, ct);
            return TypedResults.Ok(new { card.Summary, Profile = CandidateProfile.Of(card.Details), card.SharedWith, card.History, card.Tasks, card.Intakes });
        });
        careers.Advisor.MapPut("/candidates/{id:guid}", async (Guid id, CandidateProfile p, CandidateCommands s, CancellationToken ct) =>
        {
            await s.UpdateProfileAsync(id, p, ct);
            return TypedResults.NoContent();
        });
        careers.Advisor.MapPost("/candidates/{id:guid}/advance", async (Guid id, CandidateCommands s, CancellationToken ct) =>
            TypedResults.Ok(new PhaseResult(await s.AdvanceAsync(id, ct))));
        careers.Advisor.MapPost("/candidates/{id:guid}/contacts", async (Guid id, AddContactCommand c, CandidateCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/careers/candidates/{id}", new CareersApi.CreatedId((await s.AddContactAsync(id, c, ct)).Id)));
        careers.Advisor.MapPost("/candidates/{id:guid}/tasks", async (Guid id, AddTaskCommand c, CandidateCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/careers/candidates/{id}", new CareersApi.CreatedId((await s.AddTaskAsync(id, c, ct)).Id)));
        careers.Advisor.MapPost("/candidates/{id:guid}/tasks/{taskId:guid}/done", async (Guid id, Guid taskId, CandidateCommands s, CancellationToken ct) =>
        {
            await s.CompleteTaskAsync(id, taskId, ct);
            return TypedResults.NoContent();
        });
        careers.Advisor.MapPost("/candidates/{id:guid}/shares", async (Guid id, ShareCommand c, CandidateCommands s, CancellationToken ct) =>
        {
            await s.ShareAsync(id, c.RegionId, ct);
            return TypedResults.NoContent();
        });
        careers.Advisor.MapPost("/candidates/{id:guid}/handover", async (Guid id, ShareCommand c, CandidateCommands s, CancellationToken ct) =>
        {
            await s.HandoverAsync(id, c.RegionId, ct);
            return TypedResults.NoContent();
        });
        careers.Advisor.MapGet("/candidates/{id:guid}/duplicates", async (Guid id, CandidateQueries s, CancellationToken ct) => TypedResults.Ok(await s.DuplicatesAsync(id, ct)));
        careers.Advisor.MapPost("/candidates/{id:guid}/merge", async (Guid id, MergeCommand c, CandidateCommands s, CancellationToken ct) =>
        {
            await s.MergeAsync(id, c.DuplicateId, ct);
            return TypedResults.NoContent();
        });
        careers.Advisor.MapPost("/candidates/{id:guid}/intakes/{submissionId:guid}/apply", async (Guid id, Guid submissionId, CandidateCommands s, CancellationToken ct) =>
        {
            await s.ApplyIntakeAsync(id, submissionId, ct);
            return TypedResults.NoContent();
        });
    }
}
