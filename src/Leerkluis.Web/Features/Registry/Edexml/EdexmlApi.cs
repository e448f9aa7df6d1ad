using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>/api/v1/schools/{schoolId}/edexml: preview and import an upload (multipart field <c>file</c>), export the school.</summary>
public static class EdexmlApi
{
    public static RouteGroupBuilder MapEdexmlApi(this RouteGroupBuilder api)
    {
        var edexml = api.MapGroup("/schools/{schoolId:guid}/edexml").WithTags("Edexml");

        edexml.MapPost("/preview", async Task<Results<Ok<EdexmlImportPlan>, ProblemHttpResult>> (
                Guid schoolId, HttpRequest request, EdexmlImporter importer, DossierGuard guard, CancellationToken ct) =>
            {
                guard.RequireAtSchool(schoolId, Section.Enrolment, Operation.Write);
                var (file, problem) = await ReadUploadAsync(request, ct);
                if (problem is not null) return problem;
                await using var stream = file!.OpenReadStream();
                return TypedResults.Ok(await importer.PreviewAsync(stream, schoolId, ct));
            })
            .DisableAntiforgery()
            .RequireAuthorization(Policies.SchoolAdmin);

        // Through the page's queue, as the caller: one import at a time, the same outcome on the page's status screen.
        edexml.MapPost("/import", async Task<Results<Ok<EdexmlImportResult>, UnprocessableEntity<EdexmlImportResult>, ProblemHttpResult>> (
                Guid schoolId, bool? skipInvalid, HttpRequest request, LeerkluisDb db, ImportQueue queue, CurrentActor actor, TimeProvider clock,
                DossierGuard guard, CancellationToken ct) =>
            {
                guard.RequireAtSchool(schoolId, Section.Enrolment, Operation.Write);
                var (file, problem) = await ReadUploadAsync(request, ct);
                if (problem is not null) return problem;
                var content = new MemoryStream();
                await using (var upload = file!.OpenReadStream()) await upload.CopyToAsync(content, ct);
                var pending = PendingImport.Upload(actor.Value, schoolId, file.FileName, content.ToArray(), PendingImportStatus.Queued,
                    skipInvalid ?? false, clock.GetUtcNow().UtcDateTime);
                db.Add(pending);
                await db.SaveChangesAsync(ct);
                var result = await queue.RunAsync(pending.Id, actor.Value, ct);
                return result.Written ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
            })
            .DisableAntiforgery()
            .RequireAuthorization(Policies.SchoolAdmin);

        edexml.MapGet("/export", async (Guid schoolId, string? schoolYear, EdexmlExporter exporter, DossierGuard guard, CancellationToken ct) =>
            {
                guard.RequireAtSchool(schoolId, Section.Personalia, Operation.Read);
                SchoolYear? year = null;
                if (schoolYear is not null)
                {
                    if (!SchoolYear.TryParse(schoolYear, out var y))
                        return Results.Problem(title: "Schooljaar heeft niet de vorm 2025-2026.", statusCode: StatusCodes.Status400BadRequest);
                    year = y;
                }
                var buffer = new MemoryStream();
                await exporter.ExportAsync(schoolId, buffer, new EdexmlExportOptions(year), ct);
                buffer.Position = 0;
                return Results.File(buffer, "application/xml", $"EDEXML-{(year ?? SchoolYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow)))}.xml");
            })
            .RequireAuthorization(Policies.SchoolAdmin);
        return api;
    }

    private static readonly string[] XmlContentTypes = ["text/xml", "application/xml", "application/octet-stream", ""];

    private static async Task<(IFormFile? File, ProblemHttpResult? Problem)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType,
                "Stuur het Edexml-bestand als multipart/form-data met het veld 'file'."));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Het bestand is groter dan toegestaan."));
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return (null, Problem(StatusCodes.Status400BadRequest, "Kies een Edexml-bestand (.xml) in het veld 'file'."));
        var type = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!XmlContentTypes.Contains(type))
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType,
                $"Een Edexml-bestand is XML (text/xml of application/xml), geen '{type}'. Exporteer het bestand opnieuw als Edexml."));
        return (file, null);
    }

    private static ProblemHttpResult Problem(int status, string title) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title });
}
