namespace Leerkluis.Web.Features.Attendance.Rules;

/// <summary>A school day on which the learner missed unexcused time: how much, and whether it was the whole day.</summary>
public sealed record UnexcusedDay(DateOnly Day, int Minutes, bool WholeDay);

/// <summary>A report the rule asks for: type, the period it covers and the unexcused time in it.</summary>
public sealed record ReportDraft(AbsenceReportType Type, DateOnly PeriodStart, DateOnly PeriodEnd, int Minutes);

/// <summary>A report already stored, as the reconciliation needs it.</summary>
public sealed record StoredReport(Guid Id, AbsenceReportType Type, AbsenceReportStatus Status, DateOnly PeriodStart, DateOnly PeriodEnd, int Minutes);

/// <summary>What to do with the stored reports after an evaluation.</summary>
public sealed record Reconciliation(IReadOnlyList<ReportDraft> Create, IReadOnlyList<(Guid Id, ReportDraft Draft)> Update, IReadOnlyList<Guid> Withdraw);

/// <summary>
/// The legal absence rule (Leerplichtwet art. 21a, DUO verzuimregister), pure.
/// <list type="bullet">
/// <item>16 hours of unexcused absence within 4 consecutive school weeks make a report (exactly 16 counts). Every further
/// 16 hours, counted only from absence not yet in a report, make a new one. Holiday weeks are not school weeks, so they
/// lengthen the window in calendar time.</item>
/// <item>Long-term absence: whole school days of unexcused absence in a row for more than 4 consecutive school weeks
/// (the run reaches the same weekday four school weeks later) is its own report type.</item>
/// <item>Reports the school confirmed are final: counting resumes after the last confirmed period. Pending reports are
/// recomputed on every evaluation, so an excuse added afterwards withdraws a pending report that no longer holds.</item>
/// </list>
/// </summary>
public static class AbsenceRule
{
    public const int ThresholdMinutes = 16 * 60;
    public const int WindowSchoolWeeks = 4;

    /// <param name="days">Unexcused absence per school day (any order; days outside school weeks are ignored).</param>
    /// <param name="calendar">The school calendar.</param>
    /// <param name="countAfter">Last day already covered by a confirmed 16-hour report: only later absence counts.</param>
    public static IReadOnlyList<ReportDraft> Evaluate(IEnumerable<UnexcusedDay> days, SchoolCalendar calendar, DateOnly? countAfter = null)
    {
        var ordered = days.Where(d => d.Minutes > 0 && calendar.IsSchoolDay(d.Day)).OrderBy(d => d.Day).ToList();
        if (ordered.Count == 0) return [];
        var weeks = calendar.NumberWeeks(ordered[0].Day, ordered[^1].Day);
        var drafts = new List<ReportDraft>();
        drafts.AddRange(SixteenHours(ordered.Where(d => countAfter is null || d.Day > countAfter).ToList(), weeks));
        drafts.AddRange(LongTerm(ordered, calendar, weeks));
        return drafts;
    }

    private static IEnumerable<ReportDraft> SixteenHours(List<UnexcusedDay> days, SchoolWeekNumbering weeks)
    {
        // Days not yet in a report; a report takes all of them that lie in its window.
        var open = new List<(UnexcusedDay Day, int Week)>();
        foreach (var day in days)
        {
            var week = weeks.Of(day.Day)!.Value;
            open.Add((day, week));
            open.RemoveAll(o => o.Week <= week - WindowSchoolWeeks);
            var total = open.Sum(o => o.Day.Minutes);
            if (total < ThresholdMinutes) continue;
            yield return new ReportDraft(AbsenceReportType.SixteenHours, open[0].Day.Day, day.Day, total);
            open.Clear();
        }
    }

    private static IEnumerable<ReportDraft> LongTerm(List<UnexcusedDay> days, SchoolCalendar calendar, SchoolWeekNumbering weeks)
    {
        // Runs of school days missed whole; a school day attended (even in part) ends a run.
        var whole = days.Where(d => d.WholeDay).Select(d => d.Day).ToHashSet();
        var runs = new List<(DateOnly Start, DateOnly End)>();
        var open = false;
        foreach (var day in calendar.SchoolDays(days[0].Day, days[^1].Day))
        {
            if (!whole.Contains(day)) { open = false; continue; }
            if (open) runs[^1] = (runs[^1].Start, day); else runs.Add((day, day));
            open = true;
        }
        return runs.Where(r => MoreThanWindow(r.Start, r.End, weeks))
            .Select(r => new ReportDraft(AbsenceReportType.LongTerm, r.Start, r.End, MinutesIn(days, r.Start, r.End)));
    }

    /// <summary>The run from start to day lasts more than 4 school weeks: day lies 4 school weeks on, on or past start's weekday.</summary>
    private static bool MoreThanWindow(DateOnly start, DateOnly day, SchoolWeekNumbering weeks)
    {
        var span = weeks.Of(day)!.Value - weeks.Of(start)!.Value;
        return span > WindowSchoolWeeks || (span == WindowSchoolWeeks && Weekday(day) >= Weekday(start));
    }

    private static int Weekday(DateOnly d) => ((int)d.DayOfWeek + 6) % 7;

    private static int MinutesIn(List<UnexcusedDay> days, DateOnly from, DateOnly to) =>
        days.Where(d => d.Day >= from && d.Day <= to).Sum(d => d.Minutes);

    /// <summary>
    /// Brings stored reports in line with a fresh evaluation. Confirmed reports never change. A pending report is kept
    /// (with updated figures) when a draft of its type starts on the same day, otherwise withdrawn; drafts that match no
    /// stored report of their type and start are created. A long-term report grows while the run goes on.
    /// </summary>
    public static Reconciliation Reconcile(IReadOnlyList<StoredReport> stored, IReadOnlyList<ReportDraft> drafts)
    {
        var live = stored.Where(s => s.Status != AbsenceReportStatus.Withdrawn).ToList();
        var create = new List<ReportDraft>();
        var update = new List<(Guid, ReportDraft)>();
        var matched = new HashSet<Guid>();
        foreach (var draft in drafts)
        {
            var same = live.FirstOrDefault(s => s.Type == draft.Type && s.PeriodStart == draft.PeriodStart);
            if (same is null) { create.Add(draft); continue; }
            matched.Add(same.Id);
            if (same.Status == AbsenceReportStatus.Pending && (same.PeriodEnd != draft.PeriodEnd || same.Minutes != draft.Minutes))
                update.Add((same.Id, draft));
        }
        var withdraw = live.Where(s => s.Status == AbsenceReportStatus.Pending && !matched.Contains(s.Id)).Select(s => s.Id).ToList();
        return new Reconciliation(create, update, withdraw);
    }
}
