using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Attendance.Rules;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Jobs;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance;

public sealed record EvaluationOutcome(int Learners, int Created, int Updated, int Withdrawn, int Signals)
{
    public EvaluationOutcome Plus(EvaluationOutcome o) =>
        new(Learners + o.Learners, Created + o.Created, Updated + o.Updated, Withdrawn + o.Withdrawn, Signals + o.Signals);
}

/// <summary>
/// Runs the absence rule and the sick-signal rule over a school's records and brings the report queue in line:
/// new reports pending, pending ones updated or withdrawn (an excuse added afterwards), confirmed ones untouched.
/// Per school: a handful of set-based queries, then the pure rules in memory; writes only what changed.
/// Reports and signals written by the rule are audited in the learner's chain as <see cref="SystemActor.AbsenceRule"/>'s work (basis LegalDuty),
/// with whoever started it (the nightly job, or an admin's recalculation) as the actor.
/// </summary>
public sealed class AbsenceEvaluator(LeerkluisDb db, SchoolSchedule schedule, DossierGuard guard, TimeProvider clock)
{
    /// <summary>Evaluates the school year that contains <paramref name="today"/> up to today.</summary>
    public async Task<EvaluationOutcome> EvaluateSchoolAsync(Guid schoolId, DateOnly today, CancellationToken ct = default)
    {
        var year = SchoolYear.Containing(today);
        var week = await schedule.ForSchoolAsync(schoolId, ct);
        var settings = await schedule.SettingsAsync(schoolId, ct);
        var from = year.FirstDay;

        var unexcused = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.Day >= from && r.Day <= today && r.Category == AbsenceCategory.Unexcused)
            .GroupBy(r => new { r.LearnerId, r.Day })
            .Select(g => new { g.Key.LearnerId, g.Key.Day, Minutes = g.Sum(r => r.Minutes), Periods = g.Count() })
            .ToListAsync(ct);
        var sick = await db.Set<AbsenceNotice>().AsNoTracking()
            .Where(n => n.SchoolId == schoolId && n.WithdrawnUtc == null && (n.To == null || n.To >= from) && n.From <= today
                && db.Set<AbsenceCode>().Any(c => c.Id == n.CodeId && c.Category == AbsenceCategory.Sick))
            .Select(n => new { n.LearnerId, n.From, n.To })
            .ToListAsync(ct);
        var reports = await db.Set<AbsenceReport>()
            .Where(r => r.SchoolId == schoolId && r.Status != AbsenceReportStatus.Withdrawn && r.PeriodEnd >= from)
            .ToListAsync(ct);
        var signals = await db.Set<CareSignal>().AsNoTracking()
            .Where(s => s.SchoolId == schoolId && s.RaisedOn >= from.AddDays(-120))
            .Select(s => new { s.LearnerId, s.Kind, s.RaisedOn })
            .ToListAsync(ct);

        // A whole day missed = as many unexcused periods as the learner's group has that day.
        var learnerIds = unexcused.Select(u => u.LearnerId).Concat(reports.Select(r => r.LearnerId)).Distinct().ToList();
        var groupOf = await GroupsAsync(schoolId, year, learnerIds, ct);

        var created = 0; var updated = 0; var withdrawn = 0; var raised = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var unexcusedBy = unexcused.ToLookup(u => u.LearnerId);
        var reportsBy = reports.ToLookup(r => r.LearnerId);
        foreach (var learnerId in learnerIds)
        {
            var days = unexcusedBy[learnerId].Select(u =>
                new UnexcusedDay(u.Day, u.Minutes, u.Periods >= Math.Max(1, week.PeriodsOf(groupOf.GetValueOrDefault(learnerId), u.Day).Count))).ToList();
            var stored = reportsBy[learnerId].ToList();
            var countAfter = stored.Where(r => r.Type == AbsenceReportType.SixteenHours && r.Status == AbsenceReportStatus.Confirmed)
                .Select(r => (DateOnly?)r.PeriodEnd).Max();
            var drafts = AbsenceRule.Evaluate(days, week.Calendar, countAfter);
            var plan = AbsenceRule.Reconcile(
                stored.Select(r => new StoredReport(r.Id, r.Type, r.Status, r.PeriodStart, r.PeriodEnd, r.Minutes)).ToList(), drafts);
            foreach (var draft in plan.Create)
            {
                db.Add(new AbsenceReport
                {
                    LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, Type = draft.Type, Status = AbsenceReportStatus.Pending,
                    PeriodStart = draft.PeriodStart, PeriodEnd = draft.PeriodEnd, Minutes = draft.Minutes, CreatedUtc = now,
                });
                await guard.RecordRuleAsync(SystemActor.AbsenceRule, learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_ReportCreated, ct);
                created++;
            }
            foreach (var (id, draft) in plan.Update)
            {
                var report = stored.First(r => r.Id == id);
                report.PeriodEnd = draft.PeriodEnd;
                report.Minutes = draft.Minutes;
                await guard.RecordRuleAsync(SystemActor.AbsenceRule, learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_ReportUpdated, ct);
                updated++;
            }
            foreach (var id in plan.Withdraw)
            {
                var report = stored.First(r => r.Id == id);
                report.Status = AbsenceReportStatus.Withdrawn;
                report.WithdrawnUtc = now;
                report.WithdrawnReason = "Na herberekening geen melding meer nodig (verzuim later geoorloofd).";
                await guard.RecordRuleAsync(SystemActor.AbsenceRule, learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_ReportWithdrawn, ct);
                withdrawn++;
            }
        }

        var thresholds = new SickThresholds(settings.SickSignalCount, settings.SickSignalWeeks, settings.SickSignalConsecutiveDays);
        var signalsBy = signals.ToLookup(s => s.LearnerId);
        foreach (var spells in sick.GroupBy(s => s.LearnerId))
        {
            var drafts = SickSignalRule.Evaluate(spells.Select(s => new SickSpell(s.From, s.To)).ToList(), week.Calendar, today, thresholds,
                signalsBy[spells.Key].Select(s => (s.Kind, s.RaisedOn)).ToList());
            foreach (var draft in drafts)
            {
                db.Add(new CareSignal { LearnerId = spells.Key, Id = Guid.CreateVersion7(), SchoolId = schoolId, Kind = draft.Kind, RaisedOn = today, Detail = draft.Detail });
                await guard.RecordRuleAsync(SystemActor.AbsenceRule, spells.Key, Section.Absence, Operation.Write, AuditEvent.Attendance_CareSignalRaised, ct);
                raised++;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new EvaluationOutcome(learnerIds.Count, created, updated, withdrawn, raised);
    }

    /// <summary>The learner's group in the school this school year (for the day schedule), one query for all.</summary>
    private async Task<Dictionary<Guid, Guid>> GroupsAsync(Guid schoolId, SchoolYear year, List<Guid> learnerIds, CancellationToken ct)
    {
        if (learnerIds.Count == 0) return [];
        var pairs = await db.GroupMemberships.AsNoTracking()
            .Where(m => learnerIds.Contains(m.LearnerId))
            .Join(db.Groups.Where(g => g.SchoolId == schoolId && g.SchoolYearStart == year.StartYear), m => m.GroupId, g => g.Id, (m, g) => new { m.LearnerId, g.Id })
            .ToListAsync(ct);
        return pairs.GroupBy(p => p.LearnerId).ToDictionary(g => g.Key, g => g.First().Id);
    }
}

/// <summary>The nightly absence rule over every school (DESIGN: jobs, idempotent).</summary>
public sealed class AbsenceRuleJob(LeerkluisDb db, AbsenceEvaluator evaluator) : IDailyJob
{
    public string Name => "absence-rule";

    public async Task<string> RunAsync(DateOnly day, CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        var total = new EvaluationOutcome(0, 0, 0, 0, 0);
        foreach (var school in schools) total = total.Plus(await evaluator.EvaluateSchoolAsync(school, day, ct));
        return $"{schools.Count} scholen, {total.Learners} leerlingen met ongeoorloofd verzuim: {total.Created} meldingen nieuw, " +
               $"{total.Updated} bijgewerkt, {total.Withdrawn} ingetrokken; {total.Signals} zorgsignalen";
    }
}
