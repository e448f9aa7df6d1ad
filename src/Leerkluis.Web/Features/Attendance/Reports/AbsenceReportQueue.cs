using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.Reports;

/// <summary>A school day with unexcused absence behind a report: the time missed and the codes used.</summary>
public sealed record ReportDay(DateOnly Day, int Minutes, IReadOnlyList<string> Codes)
{
    public decimal Hours => ReportHours.Of(Minutes);
}

public sealed record ReportRow(Guid LearnerId, Guid Id, string LearnerName, AbsenceReportType Type, AbsenceReportStatus Status,
    DateOnly PeriodStart, DateOnly PeriodEnd, int Minutes, DateTime CreatedUtc, DateTime? ConfirmedUtc, DateTime? WithdrawnUtc,
    string? WithdrawnReason, IReadOnlyList<ReportDay> Days)
{
    public decimal Hours => ReportHours.Of(Minutes);
}

public sealed record RecalculationResult(DateOnly Day, int Learners, int Created, int Updated, int Withdrawn, int Signals);

public static class ReportHours
{
    /// <summary>Hours with one decimal, as the queue, the exports and DUO show them (16 lessons of 50 minutes = 16.0).</summary>
    public static decimal Of(int minutes) => Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The school's queue of absence reports (verzuimmeldingen): list by status, recalculate now (the nightly rule on
/// demand), confirm (freezes what DUO receives), export the confirmed ones. Admins act; the care coordinator reads.
/// Every learner shown has a read entry in their audit chain (the queue is short: a handful of reports, not a
/// registry search), confirming is an audited write plus a read of the personal number.
/// </summary>
public sealed class AbsenceReportQueue(LeerkluisDb db, DossierGuard guard, CurrentActor current, AbsenceEvaluator evaluator, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportRow>> ListAsync(Guid schoolId, AbsenceReportStatus status, CancellationToken ct = default)
    {
        RequireStaffOf(schoolId, Roles.SchoolAdmin, Roles.CareCoordinator);
        var reports = await db.Set<AbsenceReport>().AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.Status == status)
            .OrderByDescending(r => r.PeriodEnd).ThenBy(r => r.LearnerId).Take(1000).ToListAsync(ct);
        var readable = await ReadableAsync(reports.Select(r => r.LearnerId), AuditEvent.Attendance_ReportQueue, ct);
        reports = reports.Where(r => readable.Contains(r.LearnerId)).ToList();
        return await RowsAsync(schoolId, reports, ct);
    }

    /// <summary>Runs the absence rule for the admin's school now (what the nightly job does), and says what changed.</summary>
    public async Task<RecalculationResult> RecalculateAsync(Guid schoolId, CancellationToken ct = default)
    {
        RequireStaffOf(schoolId, Roles.SchoolAdmin);
        var today = Amsterdam.Today(clock);
        var o = await evaluator.EvaluateSchoolAsync(schoolId, today, ct);
        return new RecalculationResult(today, o.Learners, o.Created, o.Updated, o.Withdrawn, o.Signals);
    }

    /// <summary>
    /// Confirms a pending report: from now on it is final and carries what DUO's verzuimregister receives, as it is today
    /// (personal number, BRIN, location, home municipality: whose attendance officer sees it).
    /// </summary>
    public async Task<ReportRow> ConfirmAsync(Guid schoolId, Guid learnerId, Guid id, CancellationToken ct = default)
    {
        RequireStaffOf(schoolId, Roles.SchoolAdmin);
        var report = await db.Set<AbsenceReport>().FirstOrDefaultAsync(r => r.LearnerId == learnerId && r.Id == id && r.SchoolId == schoolId, ct)
            ?? throw new NotFoundException();
        await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_ReportConfirmed, ct);
        if (report.Status != AbsenceReportStatus.Pending)
            throw ValidationFailedException.For("status", report.Status == AbsenceReportStatus.Confirmed
                ? "Deze verzuimmelding is al bevestigd."
                : "Deze verzuimmelding is ingetrokken en kan niet meer worden bevestigd.");
        await guard.RequireAsync(learnerId, Section.PersonalNumber, Operation.Read, AuditEvent.Attendance_ReportPersonalNumber, ct);
        var learner = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId)
            .Select(l => new { l.PersonalNumber, l.Address.MunicipalityCode }).FirstAsync(ct);
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => new { s.Brin, s.LocationCode }).FirstAsync(ct);
        var v = new Validation();
        if (string.IsNullOrEmpty(learner.PersonalNumber))
            v.Add("personalNumber", "Het BSN of onderwijsnummer van de leerling ontbreekt. Vul het eerst aan bij de leerling; DUO neemt een melding zonder nummer niet aan.");
        if (string.IsNullOrEmpty(learner.MunicipalityCode))
            v.Add("municipalityCode", "De woongemeente van de leerling ontbreekt. Vul het adres van de leerling aan, zodat de leerplichtambtenaar de melding ontvangt.");
        v.ThrowIfInvalid();

        report.Status = AbsenceReportStatus.Confirmed;
        report.ConfirmedByUserId = current.Value.UserId;
        report.ConfirmedUtc = clock.GetUtcNow().UtcDateTime;
        report.PersonalNumber = learner.PersonalNumber;
        report.Brin = school.Brin;
        report.LocationCode = school.LocationCode;
        report.MunicipalityCode = learner.MunicipalityCode;
        await db.SaveChangesAsync(ct);
        return (await RowsAsync(schoolId, [report], ct))[0];
    }

    /// <summary>The confirmed reports of the school with DUO's fields, each learner's read audited.</summary>
    public async Task<IReadOnlyList<ExportedReport>> ConfirmedForExportAsync(Guid schoolId, CancellationToken ct = default)
    {
        RequireStaffOf(schoolId, Roles.SchoolAdmin);
        var rows = await db.Set<AbsenceReport>().AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.Status == AbsenceReportStatus.Confirmed)
            .Join(db.Learners, r => r.LearnerId, l => l.Id, (r, l) => new ExportedReport(r.LearnerId, r.Id, r.Type, r.PeriodStart, r.PeriodEnd,
                r.Minutes, r.ConfirmedUtc!.Value, r.PersonalNumber ?? "", l.PersonalNumberKind, l.LastName, l.Prefix, l.FirstNames, l.BirthDate,
                r.Brin ?? "", r.LocationCode ?? "", r.MunicipalityCode ?? ""))
            .ToListAsync(ct);
        var readable = await ReadableAsync(rows.Select(r => r.LearnerId), AuditEvent.Attendance_ReportExport, ct);
        return rows.Where(r => readable.Contains(r.LearnerId)).OrderBy(r => r.ConfirmedUtc).ThenBy(r => r.LastName).ToList();
    }

    public async Task<byte[]> ExportCsvAsync(Guid schoolId, CancellationToken ct = default) =>
        AbsenceReportExport.Csv(await ConfirmedForExportAsync(schoolId, ct));

    public async Task<byte[]> ExportXmlAsync(Guid schoolId, CancellationToken ct = default)
    {
        var rows = await ConfirmedForExportAsync(schoolId, ct);
        return AbsenceReportExport.Xml(rows, await SchoolCodeAsync(schoolId, ct), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>BRIN + vestiging, for file names and the export's header.</summary>
    public async Task<string> SchoolCodeAsync(Guid schoolId, CancellationToken ct = default) =>
        await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Brin + s.LocationCode).FirstOrDefaultAsync(ct) ?? "school";

    /// <summary>Admins and (when allowed) care coordinators of this school only; anyone else gets "not found".</summary>
    private void RequireStaffOf(Guid schoolId, params string[] roles)
    {
        var actor = current.Value;
        if (actor.SchoolId != schoolId || actor.Role is null || !roles.Contains(actor.Role)) throw new NotFoundException();
    }

    /// <summary>The learners the actor may read the absence of, each read audited; others are left out of the list.</summary>
    private async Task<HashSet<Guid>> ReadableAsync(IEnumerable<Guid> learnerIds, AuditEvent action, CancellationToken ct)
    {
        var readable = new HashSet<Guid>();
        foreach (var learnerId in learnerIds.Distinct())
        {
            if (!(await guard.PeekAsync(learnerId, Section.Absence, Operation.Read, ct)).Allowed) continue;
            await guard.RequireAsync(learnerId, Section.Absence, Operation.Read, action, ct);
            readable.Add(learnerId);
        }
        await db.SaveChangesAsync(ct);
        return readable;
    }

    private async Task<IReadOnlyList<ReportRow>> RowsAsync(Guid schoolId, List<AbsenceReport> reports, CancellationToken ct)
    {
        if (reports.Count == 0) return [];
        var ids = reports.Select(r => r.LearnerId).Distinct().ToList();
        var names = await db.Learners.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.CallName, l.FirstNames, l.Prefix, l.LastName }).ToListAsync(ct);
        var nameOf = names.ToDictionary(n => n.Id, n => Registry.PersonName.Format(n.CallName ?? n.FirstNames, n.Prefix, n.LastName));
        var days = await ReportDays.ForAsync(db, schoolId, reports, ct);
        return reports.Select(r => new ReportRow(r.LearnerId, r.Id, nameOf.GetValueOrDefault(r.LearnerId, "?"), r.Type, r.Status, r.PeriodStart,
            r.PeriodEnd, r.Minutes, r.CreatedUtc, r.ConfirmedUtc, r.WithdrawnUtc, r.WithdrawnReason, days(r))).ToList();
    }
}

/// <summary>A confirmed report with the fields of DUO's verzuimregister (what the CSV and XML exports write).</summary>
public sealed record ExportedReport(Guid LearnerId, Guid Id, AbsenceReportType Type, DateOnly PeriodStart, DateOnly PeriodEnd, int Minutes,
    DateTime ConfirmedUtc, string PersonalNumber, Registry.PersonalNumberKind? PersonalNumberKind, string LastName, string? Prefix,
    string FirstNames, DateOnly? BirthDate, string Brin, string LocationCode, string MunicipalityCode)
{
    public decimal Hours => ReportHours.Of(Minutes);
}

/// <summary>The unexcused days behind reports: one query for all reports shown, then per report from memory.</summary>
public static class ReportDays
{
    public static async Task<Func<AbsenceReport, IReadOnlyList<ReportDay>>> ForAsync(LeerkluisDb db, Guid schoolId,
        IReadOnlyList<AbsenceReport> reports, CancellationToken ct)
    {
        if (reports.Count == 0) return _ => [];
        var ids = reports.Select(r => r.LearnerId).Distinct().ToList();
        var from = reports.Min(r => r.PeriodStart);
        var to = reports.Max(r => r.PeriodEnd);
        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => ids.Contains(r.LearnerId) && r.SchoolId == schoolId && r.Category == AbsenceCategory.Unexcused && r.Day >= from && r.Day <= to)
            .Join(db.Set<AbsenceCode>(), r => r.CodeId, c => c.Id, (r, c) => new { r.LearnerId, r.Day, r.Minutes, c.Code })
            .ToListAsync(ct);
        var byLearner = records.ToLookup(r => r.LearnerId);
        return report => byLearner[report.LearnerId]
            .Where(r => r.Day >= report.PeriodStart && r.Day <= report.PeriodEnd)
            .GroupBy(r => r.Day).OrderBy(g => g.Key)
            .Select(g => new ReportDay(g.Key, g.Sum(r => r.Minutes), g.Select(r => r.Code).Distinct().Order().ToList()))
            .ToList();
    }
}
