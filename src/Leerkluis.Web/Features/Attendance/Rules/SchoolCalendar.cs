namespace Leerkluis.Web.Features.Attendance.Rules;

/// <summary>A closed span of days (holiday or study day) as the calendar needs it.</summary>
public sealed record ClosedDays(DateOnly From, DateOnly To, bool IsHoliday);

/// <summary>
/// A school's calendar: which days are school days and which weeks are school weeks. Pure.
/// A school day is Monday–Friday outside every holiday and study day. A school week is a Monday–Sunday week with at
/// least one weekday outside the holidays (study days do not take a week out): the 16-hour rule's "4 consecutive school
/// weeks" skip holiday weeks, so a window with a holiday inside is longer in calendar time.
/// </summary>
public sealed class SchoolCalendar
{
    private readonly IReadOnlyList<ClosedDays> _closed;

    public SchoolCalendar(IEnumerable<ClosedDays> closed) => _closed = closed.OrderBy(c => c.From).ToList();

    public static SchoolCalendar Without() => new([]);

    public bool IsSchoolDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_closed.Any(c => c.From <= day && day <= c.To);

    private bool IsHoliday(DateOnly day) => _closed.Any(c => c.IsHoliday && c.From <= day && day <= c.To);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Whether the week containing the day is a school week.</summary>
    public bool IsSchoolWeek(DateOnly day)
    {
        var monday = MondayOf(day);
        for (var i = 0; i < 5; i++)
            if (!IsHoliday(monday.AddDays(i))) return true;
        return false;
    }

    /// <summary>
    /// Numbers the school weeks from an anchor: consecutive school weeks get consecutive numbers, holiday weeks get
    /// none. Used to test "within 4 consecutive school weeks" as a difference of at most 3.
    /// </summary>
    public SchoolWeekNumbering NumberWeeks(DateOnly from, DateOnly to)
    {
        var numbers = new Dictionary<DateOnly, int>();
        var n = 0;
        for (var monday = MondayOf(from); monday <= to; monday = monday.AddDays(7))
            if (IsSchoolWeek(monday)) numbers[monday] = n++;
        return new SchoolWeekNumbering(numbers);
    }

    public IEnumerable<DateOnly> SchoolDays(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            if (IsSchoolDay(d)) yield return d;
    }

    public int CountSchoolDays(DateOnly from, DateOnly to) => SchoolDays(from, to).Count();

    /// <summary>The first school day on or after the day (within a year), or null.</summary>
    public DateOnly? FirstSchoolDayFrom(DateOnly day)
    {
        for (var d = day; d < day.AddYears(1); d = d.AddDays(1))
            if (IsSchoolDay(d)) return d;
        return null;
    }
}

public sealed class SchoolWeekNumbering(IReadOnlyDictionary<DateOnly, int> byMonday)
{
    /// <summary>The school-week number of the day's week, or null in a holiday week.</summary>
    public int? Of(DateOnly day) => byMonday.TryGetValue(SchoolCalendar.MondayOf(day), out var n) ? n : null;
}

/// <summary>How much a period counts. Pure.</summary>
public static class CountedTime
{
    /// <summary>
    /// Minutes a missed period counts for. Primary schools count clock time (a morning of 08:30–12:00 is 3.5 hours).
    /// Secondary schools count lessons: a lesson of at most 60 minutes counts as one hour (16 missed lessons of 50
    /// minutes are 16 hours, as DUO counts them); a longer block counts its clock time.
    /// </summary>
    public static int Minutes(PeriodKind kind, TimeOnly start, TimeOnly end)
    {
        if (end <= start) return 0;
        var minutes = (int)(end - start).TotalMinutes;
        return kind == PeriodKind.Lesson && minutes <= 60 ? 60 : minutes;
    }
}
