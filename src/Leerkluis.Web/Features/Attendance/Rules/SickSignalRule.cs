namespace Leerkluis.Web.Features.Attendance.Rules;

/// <summary>A sick report as the care rule sees it: the days it covers (To null = still sick).</summary>
public sealed record SickSpell(DateOnly From, DateOnly? To);

public sealed record SickThresholds(int Count = 4, int Weeks = 12, int ConsecutiveDays = 6);

public sealed record SignalDraft(CareSignalKind Kind, string Detail);

/// <summary>
/// When frequent or long sick reports call for the care coordinator (zorgsignaal), pure. Defaults: 4 sick reports
/// starting within the last 12 school weeks, or one spell of more than 6 consecutive school days. A kind already
/// raised within the window is not raised again.
/// </summary>
public static class SickSignalRule
{
    public static IReadOnlyList<SignalDraft> Evaluate(IReadOnlyList<SickSpell> spells, SchoolCalendar calendar, DateOnly today,
        SickThresholds thresholds, IReadOnlyCollection<(CareSignalKind Kind, DateOnly RaisedOn)> raised)
    {
        var signals = new List<SignalDraft>();
        var windowStart = WindowStart(calendar, today, thresholds.Weeks);

        var recent = spells.Count(s => s.From >= windowStart && s.From <= today);
        if (recent >= thresholds.Count && !raised.Any(r => r.Kind == CareSignalKind.FrequentSick && r.RaisedOn >= windowStart))
            signals.Add(new SignalDraft(CareSignalKind.FrequentSick, $"{recent} ziekmeldingen in {thresholds.Weeks} schoolweken"));

        var longest = spells.Where(s => s.From <= today)
            .Select(s => (Spell: s, Days: calendar.CountSchoolDays(s.From, Min(s.To ?? today, today))))
            .Where(x => x.Days > thresholds.ConsecutiveDays)
            .OrderByDescending(x => x.Spell.From)
            .FirstOrDefault();
        if (longest.Spell is { } spell && !raised.Any(r => r.Kind == CareSignalKind.LongSick && r.RaisedOn >= spell.From))
            signals.Add(new SignalDraft(CareSignalKind.LongSick, $"{longest.Days} schooldagen ziek sinds {spell.From:dd-MM-yyyy}"));
        return signals;
    }

    /// <summary>Monday of the school week that is (weeks − 1) school weeks before today's week.</summary>
    public static DateOnly WindowStart(SchoolCalendar calendar, DateOnly today, int weeks)
    {
        var monday = SchoolCalendar.MondayOf(today);
        var counted = calendar.IsSchoolWeek(monday) ? 1 : 0;
        var guard = 0;
        while (counted < weeks && guard++ < 104)
        {
            monday = monday.AddDays(-7);
            if (calendar.IsSchoolWeek(monday)) counted++;
        }
        return monday;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
