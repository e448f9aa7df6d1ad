using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.CompulsoryEducation;

/// <summary>/api/v1 for the attendance officer's caseload and resident lists, and the school's DUO count.</summary>
public static class CompulsoryEducationApi
{
    public static RouteGroupBuilder MapCompulsoryEducationApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/compulsory-education").WithTags("Compulsory education").RequireAuthorization(Policies.AttendanceOfficer);
        cases.MapGet("/cases", async ([AsParameters] CaseQuery q, Caseload s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(q.Filter(), ct)));
        cases.MapGet("/cases.csv", async ([AsParameters] CaseQuery q, Caseload s, CancellationToken ct) =>
            TypedResults.File(await s.ExportCsvAsync(q.Filter(), ct), "text/csv; charset=utf-8", "leerplicht-zaken.csv"));
        cases.MapGet("/cases/{subjectId:guid}/{id:guid}", async (Guid subjectId, Guid id, Caseload s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(subjectId, id, ct)));
        cases.MapPost("/cases/{subjectId:guid}/{id:guid}/notes", async (Guid subjectId, Guid id, AddNoteCommand c, Caseload s, CancellationToken ct) =>
        {
            await s.AddNoteAsync(subjectId, id, c, ct);
            return TypedResults.NoContent();
        });
        cases.MapPost("/cases/{subjectId:guid}/{id:guid}/status", async (Guid subjectId, Guid id, ChangeStatusCommand c, Caseload s, CancellationToken ct) =>
        {
            await s.ChangeStatusAsync(subjectId, id, c, ct);
            return TypedResults.NoContent();
        });
        // The list is the request body (text/csv). Without confirm: the report only (and an upload id when valid).
        cases.MapPost("/resident-lists", async (HttpRequest request, ResidentListImport s, CancellationToken ct) =>
            TypedResults.Ok(await s.PreviewAsync(request.Body, "inwonerslijst.csv", ct)));
        cases.MapPost("/resident-lists/{uploadId:guid}/confirm", async (Guid uploadId, ResidentListImport s, CancellationToken ct) =>
            TypedResults.Ok(await s.ConfirmAsync(uploadId, ct)));

        api.MapGet("/schools/{schoolId:guid}/count-date", async (Guid schoolId, string? schoolYear, string? format, CountDateQuery s, TimeProvider clock, CancellationToken ct) =>
        {
            var year = ParseYear(schoolYear, clock);
            var report = await s.CountAsync(schoolId, year, ct);
            return format == "csv"
                ? Results.File(CountDateQuery.ToCsv(report), "text/csv; charset=utf-8", $"teldatum-{report.SchoolCode}-{report.SchoolYear}.csv")
                : Results.Ok(report);
        }).WithTags("Registry").RequireAuthorization(Policies.SchoolAdmin);
        return api;
    }

    public static SchoolYear ParseYear(string? text, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(text)) return SchoolYear.Containing(Amsterdam.Today(clock));
        if (SchoolYear.TryParse(text, out var y)) return y;
        throw ValidationFailedException.For("schoolYear", "Geef het schooljaar als 2026-2027.");
    }

    public sealed record CaseQuery(CaseStatus? Status, int? MinAge, int? MaxAge, DateOnly? Since)
    {
        public CaseFilter Filter() => new(Status, MinAge, MaxAge, Since);
    }
}
