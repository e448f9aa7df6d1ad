using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

/// <summary>/api/v1 for the audit trail: a learner's (learner, guardians), one's own actions, and the school's (school admin).</summary>
public static class AuditTrailApi
{
    public static RouteGroupBuilder MapAuditTrailApi(this RouteGroupBuilder api)
    {
        var trail = api.MapGroup("").WithTags("Audit trail");
        trail.MapGet("/learners/{learnerId:guid}/audit-trail", async (Guid learnerId, [AsParameters] TrailQuery q, AuditTrailQueries s, CancellationToken ct) =>
            TypedResults.Ok(await s.LearnerAsync(learnerId, q.ToFilter(), ct))).RequireAuthorization(Policies.Dossier);
        trail.MapGet("/audit-trail/mine", async ([AsParameters] TrailQuery q, AuditTrailQueries s, CancellationToken ct) =>
            TypedResults.Ok(await s.MineAsync(q.ToFilter(), ct))).RequireAuthorization(Policies.Authenticated);
        trail.MapGet("/audit-trail/school", async ([AsParameters] TrailQuery q, AuditTrailQueries s, CancellationToken ct) =>
            TypedResults.Ok(await s.SchoolAsync(q.ToFilter(), ct))).RequireAuthorization(Policies.SchoolAdmin);
        trail.MapGet("/audit-trail/school.csv", async ([AsParameters] TrailQuery q, AuditTrailQueries s, HttpContext http, CancellationToken ct) =>
        {
            var rows = s.SchoolExportAsync(q.ToFilter(), ct);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"logboek-school.csv\"";
            await TrailCsv.WriteAsync(rows, http.Response.Body, ct);
        }).RequireAuthorization(Policies.SchoolAdmin);
        return api;
    }

    /// <summary>Query string of a trail request: ?from=2026-09-01&amp;to=2026-09-30&amp;section=Personalia&amp;page=2.</summary>
    public sealed record TrailQuery(DateOnly? From, DateOnly? To, Section? Section, bool? IncludeTrailReads, int? Page, int? PageSize)
    {
        public TrailFilter ToFilter() => new(From, To, Section, IncludeTrailReads ?? false, Page ?? 1, PageSize ?? 25);
    }
}
