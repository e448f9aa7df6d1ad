using System.Globalization;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.Overviews;

public sealed record OverviewRecord(DateOnly Day, int Period, string Code, string CodeName, AbsenceCategory Category, int Minutes, int? MinutesLate,
    RecordSource Source);

public sealed record LearnerOverview(Guid LearnerId, string Name, string? SchoolName, string? GroupName, DateOnly From, DateOnly To,
    int SchoolDays, long ScheduledMinutes, decimal ScheduledHours, IReadOnlyList<CategoryLine> Totals, decimal AttendancePercent,
    IReadOnlyList<OverviewRecord> Records);

public sealed record WeekLine(DateOnly Monday, int WeekNumber, long ScheduledMinutes, long AbsentMinutes, decimal AbsentPercent,
    IReadOnlyList<CategoryLine> Totals);

public sealed record SchoolOverview(Guid SchoolId, string SchoolName, DateOnly From, DateOnly To, int Learners, long ScheduledMinutes,
    IReadOnlyList<CategoryLine> Totals, decimal AttendancePercent, IReadOnlyList<WeekLine> Weeks);

/// <summary>
/// Attendance overviews: per learner over a period (every record with its code, totals per category, attendance %),
/// and per school (percentages per category and per week). Time scheduled comes from the school's day schedule or
/// timetable, only on school days and never beyond today. The learner overview is a read of the learner's absence
/// (audited); the school overview is an aggregate of the staff member's own school, shown in full to its admin and care
/// coordinator (suppression of small cells is for counts leaving the school: ACCESS.md, inspector and board).
/// </summary>
public sealed class AttendanceOverviews(LeerkluisDb db, DossierGuard guard, CurrentActor current, SchoolSchedule schedule, TimeProvider clock)
{
    public async Task<LearnerOverview> ForLearnerAsync(Guid learnerId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        await guard.ReadAsync(learnerId, Section.Absence, AuditEvent.Attendance_Overview, ct);
        var today = Amsterdam.Today(clock);
        var (start, end) = Range(from, to, today);
        var learner = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId)
            .Select(l => new { l.CallName, l.FirstNames, l.Prefix, l.LastName }).FirstAsync(ct);
        var name = Registry.PersonName.Format(learner.CallName ?? learner.FirstNames, learner.Prefix, learner.LastName);
        // The school: the actor's own for staff, else the learner's enrolment that overlaps the period most recently.
        var schoolId = current.Value.SchoolId ?? await db.Enrolments.AsNoTracking()
            .Where(e => e.LearnerId == learnerId && e.StartDate <= end && (e.EndDate == null || e.EndDate >= start))
            .OrderByDescending(e => e.StartDate).Select(e => (Guid?)e.SchoolId).FirstOrDefaultAsync(ct);

        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => r.LearnerId == learnerId && r.Day >= start && r.Day <= end && (schoolId == null || r.SchoolId == schoolId))
            .Join(db.Set<AbsenceCode>(), r => r.CodeId, c => c.Id, (r, c) => new OverviewRecord(r.Day, r.PeriodNumber, c.Code, c.Name, r.Category,
                r.Minutes, r.MinutesLate, r.Source))
            .ToListAsync(ct);
        records = records.OrderBy(r => r.Day).ThenBy(r => r.Period).ToList();

        string? schoolName = null, groupName = null;
        long scheduled = 0;
        var schoolDays = 0;
        if (schoolId is { } sid)
        {
            schoolName = await db.Schools.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Name).FirstAsync(ct);
            var year = SchoolYear.Containing(end).StartYear;
            var group = await db.GroupMemberships.AsNoTracking().Where(m => m.LearnerId == learnerId)
                .Join(db.Groups.Where(g => g.SchoolId == sid && g.SchoolYearStart == year), m => m.GroupId, g => g.Id, (m, g) => new { g.Id, g.Name })
                .FirstOrDefaultAsync(ct);
            groupName = group?.Name;
            var week = await schedule.ForSchoolAsync(sid, ct);
            var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.LearnerId == learnerId && e.SchoolId == sid)
                .Select(e => new { e.StartDate, e.EndDate }).ToListAsync(ct);
            foreach (var day in week.Calendar.SchoolDays(start, Min(end, today)))
            {
                if (!enrolments.Any(e => e.StartDate <= day && (e.EndDate == null || e.EndDate >= day))) continue;
                schoolDays++;
                scheduled += week.PeriodsOf(group?.Id, day).Sum(p => p.CountedMinutes);
            }
        }
        var totals = AttendanceFigures.Totals(records.Select(r => (r.Category, 1, AttendanceFigures.Minutes(r.Category, r.Minutes, r.MinutesLate))), scheduled);
        return new LearnerOverview(learnerId, name, schoolName, groupName, start, end, schoolDays, scheduled, AttendanceFigures.Hours(scheduled),
            totals, AttendanceFigures.AttendancePercent(totals, scheduled), records);
    }

    public async Task<SchoolOverview> ForSchoolAsync(Guid schoolId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var actor = current.Value;
        if (actor.SchoolId != schoolId || actor.Role is not (Roles.SchoolAdmin or Roles.CareCoordinator)) throw new NotFoundException();
        var today = Amsterdam.Today(clock);
        var (start, end) = Range(from, to, today);
        var schoolName = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).FirstAsync(ct);
        var week = await schedule.ForSchoolAsync(schoolId, ct);

        // Who was expected: learners enrolled at the school, each day of their enrolment, in their group of that school year.
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.SchoolId == schoolId && e.StartDate <= end && (e.EndDate == null || e.EndDate >= start))
            .Select(e => new { e.LearnerId, e.StartDate, e.EndDate }).ToListAsync(ct);
        var memberships = await db.GroupMemberships.AsNoTracking()
            .Join(db.Groups.Where(g => g.SchoolId == schoolId && g.SchoolYearStart >= SchoolYear.Containing(start).StartYear
                && g.SchoolYearStart <= SchoolYear.Containing(end).StartYear), m => m.GroupId, g => g.Id, (m, g) => new { m.LearnerId, g.Id, g.SchoolYearStart })
            .ToListAsync(ct);
        var groupOf = memberships.GroupBy(m => (m.LearnerId, m.SchoolYearStart)).ToDictionary(g => g.Key, g => (Guid?)g.First().Id);

        var scheduledByWeek = new Dictionary<DateOnly, long>();
        foreach (var day in week.Calendar.SchoolDays(start, Min(end, today)))
        {
            var year = SchoolYear.Containing(day).StartYear;
            var minutesByGroup = new Dictionary<Guid, int>();
            long dayTotal = 0;
            foreach (var e in enrolments)
            {
                if (e.StartDate > day || (e.EndDate is { } endDate && endDate < day)) continue;
                var group = groupOf.GetValueOrDefault((e.LearnerId, year));
                var key = group ?? Guid.Empty;
                if (!minutesByGroup.TryGetValue(key, out var minutes))
                    minutesByGroup[key] = minutes = week.PeriodsOf(group, day).Sum(p => p.CountedMinutes);
                dayTotal += minutes;
            }
            var monday = Rules.SchoolCalendar.MondayOf(day);
            scheduledByWeek[monday] = scheduledByWeek.GetValueOrDefault(monday) + dayTotal;
        }

        var sums = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.Day >= start && r.Day <= end)
            .GroupBy(r => new { r.Day, r.Category })
            .Select(g => new { g.Key.Day, g.Key.Category, Periods = g.Count(), Minutes = g.Sum(r => r.Minutes), Late = g.Sum(r => r.MinutesLate ?? 0) })
            .ToListAsync(ct);
        var rows = sums.Select(s => (Monday: Rules.SchoolCalendar.MondayOf(s.Day), s.Category, s.Periods,
            Minutes: s.Category == AbsenceCategory.Late ? s.Late : s.Minutes)).ToList();

        var weeks = rows.Select(r => r.Monday).Concat(scheduledByWeek.Keys).Distinct().Order().Select(monday =>
        {
            var scheduled = scheduledByWeek.GetValueOrDefault(monday);
            var totals = AttendanceFigures.Totals(rows.Where(r => r.Monday == monday).Select(r => (r.Category, r.Periods, r.Minutes)), scheduled);
            var absent = totals.Where(t => AttendanceFigures.IsAbsence(t.Category)).Sum(t => (long)t.Minutes);
            return new WeekLine(monday, ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)), scheduled, absent,
                AttendanceFigures.Percent(absent, scheduled), totals);
        }).ToList();
        var total = scheduledByWeek.Values.Sum();
        var all = AttendanceFigures.Totals(rows.Select(r => (r.Category, r.Periods, r.Minutes)), total);
        var learners = enrolments.Where(e => e.StartDate <= end && (e.EndDate == null || e.EndDate >= start)).Select(e => e.LearnerId).Distinct().Count();
        return new SchoolOverview(schoolId, schoolName, start, end, learners, total, all, AttendanceFigures.AttendancePercent(all, total), weeks);
    }

    private static readonly string[] FixedCsvColumns = ["week", "maandag", "geroosterde_uren"];

    /// <summary>The school overview per week as CSV (semicolon, UTF-8 with BOM), hours and percentages per category.</summary>
    public static byte[] Csv(SchoolOverview o)
    {
        var categories = Enum.GetValues<AbsenceCategory>();
        var header = FixedCsvColumns
            .Concat(categories.SelectMany(c => new[] { $"uren_{CategoryCode(c)}", $"procent_{CategoryCode(c)}" }))
            .Append("procent_afwezig").ToArray();
        string N(decimal d) => d.ToString("0.0", CultureInfo.InvariantCulture);
        var lines = o.Weeks.Select(w => new[] { w.WeekNumber.ToString(CultureInfo.InvariantCulture), w.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                N(AttendanceFigures.Hours(w.ScheduledMinutes)) }
            .Concat(w.Totals.SelectMany(t => new[] { N(t.Hours), N(t.Percent) })).Append(N(w.AbsentPercent)).ToArray()).ToList();
        lines.Add(new[] { "totaal", o.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(AttendanceFigures.Hours(o.ScheduledMinutes)) }
            .Concat(o.Totals.SelectMany(t => new[] { N(t.Hours), N(t.Percent) })).Append(N(100m - o.AttendancePercent)).ToArray());
        return CsvExport.Write(header, lines);
    }

    public static string CategoryCode(AbsenceCategory c) => c switch
    {
        AbsenceCategory.Excused => "geoorloofd",
        AbsenceCategory.Unexcused => "ongeoorloofd",
        AbsenceCategory.Sick => "ziek",
        AbsenceCategory.Late => "te_laat",
        AbsenceCategory.RemovedFromClass => "verwijderd",
        AbsenceCategory.Leave => "verlof",
        _ => c.ToString(),
    };

    /// <summary>Default: the school year so far. At most a year, end not before start.</summary>
    private static (DateOnly From, DateOnly To) Range(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        var start = from ?? SchoolYear.Containing(end).FirstDay;
        var v = new Validation();
        if (end < start) v.Add("to", "De einddatum ligt vóór de begindatum.");
        else if (end.DayNumber - start.DayNumber > 366) v.Add("to", "Kies een periode van ten hoogste een jaar.");
        v.ThrowIfInvalid();
        return (start, end);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
