using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.Reports;

public sealed record OfficerReportRow(Guid LearnerId, Guid Id, string LearnerName, DateOnly? BirthDate, string SchoolName, string SchoolCode,
    AbsenceReportType Type, DateOnly PeriodStart, DateOnly PeriodEnd, int Minutes, DateTime ConfirmedUtc)
{
    public decimal Hours => ReportHours.Of(Minutes);
}

public sealed record OfficerReportDetail(OfficerReportRow Report, string? PersonalNumber, string? Address, IReadOnlyList<ReportDay> Days);

/// <summary>
/// The attendance officer's view of confirmed absence reports: those whose home municipality (frozen on confirmation)
/// is the officer's. The list is the officer's index (like the caseload, not audited per learner: ADR 0003); opening a
/// report reads the learner's absence through the guard (basis LegalDuty), so another municipality's report is a 404
/// and the attempt is audited.
/// </summary>
public sealed class OfficerReports(LeerkluisDb db, DossierGuard guard, CurrentActor current)
{
    public async Task<IReadOnlyList<OfficerReportRow>> ListAsync(CancellationToken ct = default)
    {
        var municipality = Municipality();
        var rows = await Rows(db.Set<AbsenceReport>().AsNoTracking().Where(r => r.MunicipalityCode == municipality && r.Status == AbsenceReportStatus.Confirmed))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.ConfirmedUtc).ThenBy(r => r.LearnerName).ToList();
    }

    public async Task<OfficerReportDetail> GetAsync(Guid learnerId, Guid id, CancellationToken ct = default)
    {
        var municipality = Municipality();
        await guard.RequireAsync(learnerId, Section.Absence, Operation.Read, AuditEvent.Attendance_ReportOfficer, ct);
        var report = await db.Set<AbsenceReport>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.LearnerId == learnerId && r.Id == id && r.Status == AbsenceReportStatus.Confirmed && r.MunicipalityCode == municipality, ct)
            ?? throw new NotFoundException();
        var row = await Rows(db.Set<AbsenceReport>().AsNoTracking().Where(r => r.LearnerId == learnerId && r.Id == id)).FirstAsync(ct);
        var address = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId).Select(l => l.Address).FirstAsync(ct);
        var days = await ReportDays.ForAsync(db, report.SchoolId, [report], ct);
        await db.SaveChangesAsync(ct);
        // The personal number frozen on the report is what DUO received; the officer may read it (ACCESS.md: PGN R).
        return new OfficerReportDetail(row, report.PersonalNumber, address.ToString(), days(report));
    }

    private string Municipality()
    {
        var actor = current.Value;
        if (actor.Role != Roles.AttendanceOfficer || string.IsNullOrEmpty(actor.MunicipalityCode)) throw new NotFoundException();
        return actor.MunicipalityCode;
    }

    private IQueryable<OfficerReportRow> Rows(IQueryable<AbsenceReport> reports) =>
        reports.Join(db.Learners, r => r.LearnerId, l => l.Id, (r, l) => new { r, l })
            .Join(db.Schools, x => x.r.SchoolId, s => s.Id, (x, s) => new OfficerReportRow(x.r.LearnerId, x.r.Id,
                (x.l.CallName ?? x.l.FirstNames) + " " + (x.l.Prefix == null ? "" : x.l.Prefix + " ") + x.l.LastName, x.l.BirthDate,
                s.Name, s.Brin + s.LocationCode, x.r.Type, x.r.PeriodStart, x.r.PeriodEnd, x.r.Minutes, x.r.ConfirmedUtc!.Value));
}
