using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Leerkluis.Web.Features.Careers;

/// <summary>/api/v1/careers for advisors and candidates, and the public /api/v1/intake of the regions' websites.</summary>
public static class CareersApi
{
    public sealed record CreatedId(Guid Id);
    public sealed record PhaseResult(Phase Phase);
    public sealed record EraseRequest(string? Confirmation);

    private static async Task<NoContent> SetIntroductionStatus(Guid id, IntroductionStatusCommand c, Introductions s, CancellationToken ct)
    {
        await s.SetStatusAsync(id, c.Status, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Always as an attachment, with the type found from the content and no sniffing: an upload is never shown inline.</summary>
    private static FileContentHttpResult Download(HttpContext http, DocumentFile file)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static RouteGroupBuilder MapCareersApi(this RouteGroupBuilder api)
    {
        api.MapPost("/careers/regions", async (CreateRegionCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/regions", await s.CreateRegionAsync(c, ct)))
            .WithTags("Careers").RequireAuthorization(Policies.PlatformAdmin);

        var advisor = api.MapGroup("/careers").WithTags("Careers").RequireAuthorization(CareersPolicies.Advisor);
        advisor.MapGet("/regions", async (CareerCatalog s, CancellationToken ct) => TypedResults.Ok(await s.MyRegionDetailsAsync(ct)));
        advisor.MapGet("/regions/overview", async (CareerCatalog s, CancellationToken ct) => TypedResults.Ok(await s.OverviewAsync(ct)));
        advisor.MapPost("/partners", async (CreatePartnerCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/regions/overview", new CreatedId((await s.CreatePartnerAsync(c, ct)).Id)));
        advisor.MapPost("/partners/{partnerId:guid}/contacts", async (Guid partnerId, AddContactPersonCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/regions/overview", new CreatedId((await s.AddContactPersonAsync(partnerId, c, ct)).Id)));
        advisor.MapPost("/vacancies", async (CreateVacancyCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/vacancies", new CreatedId((await s.CreateVacancyAsync(c, ct)).Id)));
        advisor.MapPost("/programmes", async (CreateProgrammeCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/programmes", new CreatedId((await s.CreateProgrammeAsync(c, ct)).Id)));

        advisor.MapGet("/candidates", async ([AsParameters] CandidateSearch q, CandidateQueries s, CancellationToken ct) => TypedResults.Ok(await s.SearchAsync(q, ct)));
        advisor.MapGet("/candidates.csv", async ([AsParameters] CandidateSearch q, CandidateQueries s, CancellationToken ct) =>
            TypedResults.File(CandidateExport.Csv(await s.ExportAsync(q, ct)), "text/csv; charset=utf-8", "kandidaten.csv"));
        advisor.MapGet("/candidates.xlsx", async ([AsParameters] CandidateSearch q, CandidateQueries s, CancellationToken ct) =>
            TypedResults.File(CandidateExport.Xlsx(await s.ExportAsync(q, ct)), CandidateExport.XlsxContentType, "kandidaten.xlsx"));
        advisor.MapGet("/saved-searches", async (SavedSearches s, CancellationToken ct) => TypedResults.Ok(await s.MineAsync(ct)));
        advisor.MapPost("/saved-searches", async (SaveSearchCommand c, SavedSearches s, CancellationToken ct) =>
        {
            var saved = await s.SaveAsync(c, ct);
            return TypedResults.Created("/api/v1/careers/saved-searches", new SavedSearchView(saved.Id, saved.Name, saved.Query));
        });
        advisor.MapDelete("/saved-searches/{id:guid}", async (Guid id, SavedSearches s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        advisor.MapPost("/candidates", async (CreateCandidateCommand c, CandidateCommands s, CancellationToken ct) =>
        {
            var candidate = await s.CreateAsync(c, ct);
            return TypedResults.Created($"/api/v1/careers/candidates/{candidate.Id}", new CreatedId(candidate.Id));
        });
        advisor.MapGet("/candidates/{id:guid}", async (Guid id, CandidateQueries s, CancellationToken ct) =>
        {
            var card = await s.CardAsync(id, ct);
            return TypedResults.Ok(new { card.Summary, Profile = CandidatePortal.ProfileOf(card.Details), card.SharedWith, card.History, card.Tasks, card.Intakes });
        });
        advisor.MapPut("/candidates/{id:guid}", async (Guid id, CandidateProfile p, CandidateCommands s, CancellationToken ct) =>
        {
            await s.UpdateProfileAsync(id, p, ct);
            return TypedResults.NoContent();
        });
        advisor.MapPost("/candidates/{id:guid}/advance", async (Guid id, CandidateCommands s, CancellationToken ct) =>
            TypedResults.Ok(new PhaseResult(await s.AdvanceAsync(id, ct))));
        advisor.MapPost("/candidates/{id:guid}/contacts", async (Guid id, AddContactCommand c, CandidateCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/careers/candidates/{id}", new CreatedId((await s.AddContactAsync(id, c, ct)).Id)));
        advisor.MapPost("/candidates/{id:guid}/tasks", async (Guid id, AddTaskCommand c, CandidateCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/careers/candidates/{id}", new CreatedId((await s.AddTaskAsync(id, c, ct)).Id)));
        advisor.MapPost("/candidates/{id:guid}/tasks/{taskId:guid}/done", async (Guid id, Guid taskId, CandidateCommands s, CancellationToken ct) =>
        {
            await s.CompleteTaskAsync(id, taskId, ct);
            return TypedResults.NoContent();
        });
        advisor.MapPost("/candidates/{id:guid}/shares", async (Guid id, ShareCommand c, CandidateCommands s, CancellationToken ct) =>
        {
            await s.ShareAsync(id, c.RegionId, ct);
            return TypedResults.NoContent();
        });
        advisor.MapPost("/candidates/{id:guid}/handover", async (Guid id, ShareCommand c, CandidateCommands s, CancellationToken ct) =>
        {
            await s.HandoverAsync(id, c.RegionId, ct);
            return TypedResults.NoContent();
        });
        advisor.MapGet("/candidates/{id:guid}/duplicates", async (Guid id, CandidateQueries s, CancellationToken ct) => TypedResults.Ok(await s.DuplicatesAsync(id, ct)));
        advisor.MapPost("/candidates/{id:guid}/merge", async (Guid id, MergeCommand c, CandidateCommands s, CancellationToken ct) =>
        {
            await s.MergeAsync(id, c.DuplicateId, ct);
            return TypedResults.NoContent();
        });
        advisor.MapPost("/candidates/{id:guid}/intakes/{submissionId:guid}/apply", async (Guid id, Guid submissionId, CandidateCommands s, CancellationToken ct) =>
        {
            await s.ApplyIntakeAsync(id, submissionId, ct);
            return TypedResults.NoContent();
        });
        advisor.MapGet("/candidates/{id:guid}/matches", async (Guid id, int? top, Matching s, CancellationToken ct) =>
            TypedResults.Ok(await s.ForCandidateAsync(id, top ?? 20, ct)));
        advisor.MapGet("/activities", async (Activities s, CancellationToken ct) => TypedResults.Ok(await s.UpcomingAsync(null, ct)));
        advisor.MapPost("/activities", async (CreateActivityCommand c, Activities s, CancellationToken ct) =>
        {
            var activity = await s.CreateAsync(c, ct);
            return TypedResults.Created($"/api/v1/careers/activities/{activity.Id}", new CreatedId(activity.Id));
        });
        advisor.MapGet("/activities/{id:guid}", async (Guid id, Activities s, CancellationToken ct) => TypedResults.Ok(await s.DetailAsync(id, ct)));
        advisor.MapPost("/activities/{id:guid}/registrations", async (Guid id, RegisterCommand c, Activities s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/careers/activities/{id}", new CreatedId((await s.RegisterAsync(id, c.CandidateId, ct)).Id)));
        advisor.MapPut("/activities/{id:guid}/registrations/{registrationId:guid}", async (Guid id, Guid registrationId, AttendanceCommand c, Activities s, CancellationToken ct) =>
        {
            await s.MarkAsync(id, registrationId, c.Status, ct);
            return TypedResults.NoContent();
        });
        advisor.MapGet("/candidates/{id:guid}/introductions", async (Guid id, Introductions s, CancellationToken ct) => TypedResults.Ok(await s.ForCandidateAsync(id, ct)));
        advisor.MapPost("/candidates/{id:guid}/introductions", async (Guid id, ProposeCommand c, Introductions s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/careers/candidates/{id}/introductions", new CreatedId((await s.ProposeAsync(id, c, ct)).Id)));
        advisor.MapPut("/introductions/{id:guid}/status", SetIntroductionStatus);
        advisor.MapGet("/candidates/{id:guid}/documents", async (Guid id, CandidateDocuments s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(id, ct)));
        advisor.MapGet("/candidates/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, CandidateDocuments s, HttpContext http, CancellationToken ct) =>
            Download(http, await s.DownloadAsync(id, documentId, ct)));
        advisor.MapPost("/candidates/{id:guid}/invitation", async (Guid id, CandidateInvitations s, CancellationToken ct) =>
        {
            await s.InviteAsync(id, ct);
            return TypedResults.NoContent();
        });
        advisor.MapGet("/dashboard/regions", async (CareerDashboard s, CancellationToken ct) => TypedResults.Ok(await s.AcrossRegionsAsync(ct)));
        advisor.MapGet("/dashboard", async (Guid? regionId, CareerDashboard s, CancellationToken ct) => TypedResults.Ok(await s.ForAsync(regionId, ct)));

        var me = api.MapGroup("/careers/me").WithTags("Careers").RequireAuthorization(CareersPolicies.Candidate);
        me.MapGet("", async (CandidatePortal s, CancellationToken ct) => TypedResults.Ok(await s.ViewAsync(ct)));
        me.MapPut("/profile", async (CandidateProfile p, CandidatePortal s, CancellationToken ct) =>
        {
            await s.UpdateAsync(p, ct);
            return TypedResults.NoContent();
        });
        me.MapGet("/activities", async (Activities s, CancellationToken ct) => TypedResults.Ok(await s.ForMeAsync(ct)));
        me.MapPost("/activities/{id:guid}/registration", async (Guid id, Activities s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/me/activities", new CreatedId((await s.RegisterMeAsync(id, ct)).Id)));
        me.MapGet("/documents", async (CandidateDocuments s, CancellationToken ct) => TypedResults.Ok(await s.MineAsync(ct)));
        me.MapGet("/documents/{documentId:guid}", async (Guid documentId, CandidateDocuments s, HttpContext http, CancellationToken ct) =>
            Download(http, await s.DownloadMineAsync(documentId, ct)));
        me.MapGet("/export", async (CandidatePortal s, CancellationToken ct) => TypedResults.Json(await s.ExportAsync(ct)));
        me.MapPost("/consent/withdraw", async (CandidatePortal s, CancellationToken ct) =>
        {
            await s.WithdrawConsentAsync(ct);
            return TypedResults.NoContent();
        });
        me.MapPost("/erase", async (EraseRequest r, CandidatePortal s, CancellationToken ct) =>
        {
            await s.EraseAsync(r.Confirmation ?? "", ct);
            return TypedResults.NoContent();
        });

        var hr = api.MapGroup("/careers/hr").WithTags("Careers").RequireAuthorization(CareersPolicies.HrOfficer);
        hr.MapGet("/vacancies", async (Introductions s, CancellationToken ct) => TypedResults.Ok(await s.ForHrAsync(ct)));
        hr.MapPut("/introductions/{id:guid}/status", SetIntroductionStatus);
        var training = api.MapGroup("/careers/training").WithTags("Careers").RequireAuthorization(CareersPolicies.TrainingCoordinator);
        training.MapGet("/programmes", async (Introductions s, CancellationToken ct) => TypedResults.Ok(await s.ForCoordinatorAsync(ct)));
        training.MapPut("/introductions/{id:guid}/status", SetIntroductionStatus);

        IntakeEndpoint.Map(api);
        return api;
    }
}
