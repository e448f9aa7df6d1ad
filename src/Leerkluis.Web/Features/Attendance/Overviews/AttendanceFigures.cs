namespace Leerkluis.Web.Features.Attendance.Overviews;

/// <summary>Time lost per category over a span, as overviews show it.</summary>
public sealed record CategoryLine(AbsenceCategory Category, int Periods, int Minutes, decimal Hours, decimal Percent);

/// <summary>
/// How overviews count, pure: hours per category and percentages of the scheduled time. A late arrival counts its
/// minutes late (the learner was there) and is not absence; every other category counts the period's counted time.
/// Attendance = scheduled time minus absence, as a percentage of the scheduled time (100 when nothing was scheduled).
/// </summary>
public static class AttendanceFigures
{
    public static bool IsAbsence(AbsenceCategory c) => c != AbsenceCategory.Late;

    /// <summary>The minutes a record counts for in an overview.</summary>
    public static int Minutes(AbsenceCategory category, int minutes, int? minutesLate) =>
        category == AbsenceCategory.Late ? minutesLate ?? 0 : minutes;

    public static decimal Hours(long minutes) => Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);

    public static decimal Percent(long part, long whole) =>
        whole <= 0 ? 0m : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>One line per category (in the order of the enum, all categories), from (category, periods, minutes) sums.</summary>
    public static IReadOnlyList<CategoryLine> Totals(IEnumerable<(AbsenceCategory Category, int Periods, int Minutes)> sums, long scheduledMinutes)
    {
        var by = sums.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => (Periods: g.Sum(x => x.Periods), Minutes: g.Sum(x => x.Minutes)));
        return Enum.GetValues<AbsenceCategory>().Select(c =>
        {
            var (periods, minutes) = by.GetValueOrDefault(c);
            return new CategoryLine(c, periods, minutes, Hours(minutes), IsAbsence(c) ? Percent(minutes, scheduledMinutes) : 0m);
        }).ToList();
    }

    /// <summary>Share of the scheduled time the learner(s) were present; absence beyond the schedule cannot make it negative.</summary>
    public static decimal AttendancePercent(IEnumerable<CategoryLine> totals, long scheduledMinutes)
    {
        if (scheduledMinutes <= 0) return 100m;
        var absent = Math.Min(scheduledMinutes, totals.Where(t => IsAbsence(t.Category)).Sum(t => (long)t.Minutes));
        return Percent(scheduledMinutes - absent, scheduledMinutes);
    }
}
