using System.Text;
using System.Text.Json;
using Leerkluis.Web.Features.Vault.Rights.Corrections;
using Leerkluis.Web.Features.Vault.Rights.Export;
using Leerkluis.Web.Features.Vault.Rights.Objections;
using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Vault.Rights;

/// <summary>/api/v1 for the AVG rights: export (access, portability), correction requests, objections, class list.</summary>
public static class RightsApi
{
    public sealed record CreatedId(Guid Id);

    public static RouteGroupBuilder MapRightsApi(this RouteGroupBuilder api)
    {
        var learners = api.MapGroup("/learners/{learnerId:guid}").WithTags("Rights");

        learners.MapGet("/export", async (Guid learnerId, DossierExport export, CancellationToken ct) =>
        {
            var result = await export.ExportAsync(learnerId, ct);
            // A download (Content-Disposition) that is still plain application/json for programs reading it.
            return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(result.Document, ExportJson), "application/json; charset=utf-8", FileName(result, "json"));
        }).RequireAuthorization(Policies.Dossier);
        learners.MapGet("/export.html", async (Guid learnerId, DossierExport export, CancellationToken ct) =>
        {
            var result = await export.ExportAsync(learnerId, ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(ExportHtml.Render(result)), "text/html; charset=utf-8",
                FileName(result, "html"));
        }).RequireAuthorization(Policies.Dossier);

        learners.MapGet("/corrections", async (Guid learnerId, CorrectionRequests s, CancellationToken ct) => TypedResults.Ok(await s.ForLearnerAsync(learnerId, ct)))
            .RequireAuthorization(Policies.Dossier);
        learners.MapPost("/corrections", async (Guid learnerId, SubmitCorrectionCommand c, CorrectionRequests s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/learners/{learnerId}/corrections", new CreatedId(await s.SubmitAsync(learnerId, c, ct))))
            .RequireAuthorization(Policies.Dossier);
        learners.MapGet("/corrections/{requestId:guid}", async (Guid learnerId, Guid requestId, CorrectionRequests s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetForSchoolAsync(learnerId, requestId, ct))).RequireAuthorization(Policies.SchoolAdmin);
        learners.MapPost("/corrections/{requestId:guid}/approve", async (Guid learnerId, Guid requestId, CorrectionRequests s, CancellationToken ct) =>
        {
            await s.ApproveAsync(learnerId, requestId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.SchoolAdmin);
        learners.MapPost("/corrections/{requestId:guid}/reject", async (Guid learnerId, Guid requestId, RejectCorrectionCommand c, CorrectionRequests s, CancellationToken ct) =>
        {
            await s.RejectAsync(learnerId, requestId, c, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.SchoolAdmin);
        api.MapGet("/corrections", async (string? status, CorrectionRequests s, CancellationToken ct) =>
            TypedResults.Ok(await s.QueueAsync(string.Equals(status, "handled", StringComparison.OrdinalIgnoreCase), ct)))
            .WithTags("Rights").RequireAuthorization(Policies.SchoolAdmin);

        learners.MapGet("/objections", async (Guid learnerId, Objections.Objections s, CancellationToken ct) => TypedResults.Ok(await s.ForLearnerAsync(learnerId, ct)))
            .RequireAuthorization(Policies.Dossier);
        learners.MapPost("/objections", async (Guid learnerId, ObjectionCommand c, Objections.Objections s, CancellationToken ct) =>
        {
            await s.ObjectAsync(learnerId, c, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Dossier);
        learners.MapDelete("/objections/{purpose}", async (Guid learnerId, string purpose, Objections.Objections s, CancellationToken ct) =>
        {
            await s.WithdrawAsync(learnerId, new ObjectionCommand(purpose), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Dossier);
        learners.MapGet("/classmates", async (Guid learnerId, Objections.Objections s, CancellationToken ct) => TypedResults.Ok(await s.ClassmatesAsync(learnerId, ct)))
            .RequireAuthorization(Policies.Dossier);
        api.MapGet("/groups/{groupId:guid}/objections", async (Guid groupId, Objections.Objections s, CancellationToken ct) =>
            TypedResults.Ok(await s.ForGroupAsync(groupId, ct))).WithTags("Rights").RequireAuthorization(Policies.Staff);
        return api;
    }

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static string FileName(DossierExportResult r, string extension) =>
        $"leerkluis-dossier-{Platform.Time.Amsterdam.Date(DateOnly.FromDateTime(Platform.Time.Amsterdam.ToLocal(r.Document.ExportedAtUtc)))}.{extension}";
}
