using Leerkluis.Web.Features.Attendance.Overviews;
using Leerkluis.Web.Features.Attendance.Signals;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;

namespace Leerkluis.Web.Features.Attendance.Reports;

/// <summary>The reports part of attendance: the school's report queue and exports, the officer's reports, care signals, overviews.</summary>
public static class ReportsApi
{
    public static IServiceCollection AddAttendanceReports(this IServiceCollection services)
    {
        services.AddScoped<AbsenceReportQueue>();
        services.AddScoped<OfficerReports>();
        services.AddScoped<CareSignals>();
        services.AddScoped<AttendanceOverviews>();
        return services;
    }

    public static RouteGroupBuilder MapAbsenceReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/schools/{schoolId:guid}/absence-reports").WithTags("Attendance");
        reports.MapGet("", async (Guid schoolId, string? status, AbsenceReportQueue q, CancellationToken ct) =>
            TypedResults.Ok(await q.ListAsync(schoolId, ParseStatus(status), ct))).RequireAuthorization(Policies.Staff);
        reports.MapPost("/recalculate", async (Guid schoolId, AbsenceReportQueue q, CancellationToken ct) =>
            TypedResults.Ok(await q.RecalculateAsync(schoolId, ct))).RequireAuthorization(Policies.SchoolAdmin);
        reports.MapPost("/{learnerId:guid}/{id:guid}/confirm", async (Guid schoolId, Guid learnerId, Guid id, AbsenceReportQueue q, CancellationToken ct) =>
            TypedResults.Ok(await q.ConfirmAsync(schoolId, learnerId, id, ct))).RequireAuthorization(Policies.SchoolAdmin);
        reports.MapGet("/export.csv", async (Guid schoolId, AbsenceReportQueue q, CancellationToken ct) =>
        {
            var csv = await q.ExportCsvAsync(schoolId, ct);
            return TypedResults.File(csv, "text/csv; charset=utf-8", $"verzuimmeldingen-{await q.SchoolCodeAsync(schoolId, ct)}.csv");
        }).RequireAuthorization(Policies.SchoolAdmin);
        reports.MapGet("/export.xml", async (Guid schoolId, AbsenceReportQueue q, CancellationToken ct) =>
        {
            var xml = await q.ExportXmlAsync(schoolId, ct);
            return TypedResults.File(xml, "application/xml", $"verzuimmeldingen-{await q.SchoolCodeAsync(schoolId, ct)}.xml");
        }).RequireAuthorization(Policies.SchoolAdmin);

        var officer = api.MapGroup("/compulsory-education/absence-reports").WithTags("Compulsory education").RequireAuthorization(Policies.AttendanceOfficer);
        officer.MapGet("", async (OfficerReports s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));
        officer.MapGet("/{learnerId:guid}/{id:guid}", async (Guid learnerId, Guid id, OfficerReports s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(learnerId, id, ct)));

        var signals = api.MapGroup("/schools/{schoolId:guid}/care-signals").WithTags("Attendance").RequireAuthorization(Policies.Staff);
        signals.MapGet("", async (Guid schoolId, bool? handled, CareSignals s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(schoolId, handled ?? false, ct)));
        signals.MapPost("/{learnerId:guid}/{id:guid}/handled", async (Guid schoolId, Guid learnerId, Guid id, CareSignals s, CancellationToken ct) =>
        {
            await s.HandleAsync(schoolId, learnerId, id, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/learners/{learnerId:guid}/attendance-overview", async (Guid learnerId, DateOnly? from, DateOnly? to, AttendanceOverviews s, CancellationToken ct) =>
            TypedResults.Ok(await s.ForLearnerAsync(learnerId, from, to, ct))).WithTags("Attendance").RequireAuthorization(Policies.Dossier);
        api.MapGet("/schools/{schoolId:guid}/attendance-overview", async (Guid schoolId, DateOnly? from, DateOnly? to, AttendanceOverviews s, CancellationToken ct) =>
            TypedResults.Ok(await s.ForSchoolAsync(schoolId, from, to, ct))).WithTags("Attendance").RequireAuthorization(Policies.Staff);
        api.MapGet("/schools/{schoolId:guid}/attendance-overview.csv", async (Guid schoolId, DateOnly? from, DateOnly? to, AttendanceOverviews s, CancellationToken ct) =>
            TypedResults.File(AttendanceOverviews.Csv(await s.ForSchoolAsync(schoolId, from, to, ct)), "text/csv; charset=utf-8", "aanwezigheid-school.csv"))
            .WithTags("Attendance").RequireAuthorization(Policies.Staff);
        return api;
    }

    /// <summary>pending (default), confirmed or withdrawn.</summary>
    public static AbsenceReportStatus ParseStatus(string? status)
    {
        if (string.IsNullOrWhiteSpace(status)) return AbsenceReportStatus.Pending;
        if (Enum.TryParse<AbsenceReportStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _)) return s;
        throw ValidationFailedException.For("status", "Kies de status pending (openstaand), confirmed (bevestigd) of withdrawn (ingetrokken).");
    }
}
