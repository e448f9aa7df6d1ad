using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Rules;

namespace Leerkluis.Tests.Attendance;

public sealed class SickSignalRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly SickThresholds Defaults = new();

    [Fact]
    public void Evaluate_FourSickReportsInTwelveWeeks_FrequentSignal()
    {
        var spells = new[] { Spell(-70, -69), Spell(-40, -40), Spell(-20, -19), Spell(-1, -1) };

        var signal = Assert.Single(SickSignalRule.Evaluate(spells, SchoolCalendar.Without(), Today, Defaults, []));

        Assert.Equal(CareSignalKind.FrequentSick, signal.Kind);
        Assert.Contains("4 ziekmeldingen", signal.Detail);
    }

    [Fact]
    public void Evaluate_ThreeSickReports_NoSignal() =>
        Assert.Empty(SickSignalRule.Evaluate([Spell(-40, -40), Spell(-20, -19), Spell(-1, -1)], SchoolCalendar.Without(), Today, Defaults, []));

    [Fact]
    public void Evaluate_FourthReportOlderThanTwelveSchoolWeeks_NoSignal() =>
        Assert.Empty(SickSignalRule.Evaluate([Spell(-100, -100), Spell(-40, -40), Spell(-20, -19), Spell(-1, -1)], SchoolCalendar.Without(), Today, Defaults, []));

    [Fact]
    public void Evaluate_SevenConsecutiveSchoolDaysSick_LongSignal()
    {
        // Open since Friday 13 November: 13, 16–20, 23 November = 7 school days.
        var signal = Assert.Single(SickSignalRule.Evaluate([new SickSpell(new(2026, 11, 13), null)], SchoolCalendar.Without(), Today, Defaults, []));

        Assert.Equal(CareSignalKind.LongSick, signal.Kind);
    }

    [Fact]
    public void Evaluate_SixSchoolDaysSick_NoSignal() =>
        Assert.Empty(SickSignalRule.Evaluate([new SickSpell(new(2026, 11, 16), null)], SchoolCalendar.Without(), Today, Defaults, []));

    [Fact]
    public void Evaluate_AlreadyRaisedInWindow_NotRaisedAgain()
    {
        var spells = new[] { Spell(-70, -69), Spell(-40, -40), Spell(-20, -19), Spell(-1, -1) };

        Assert.Empty(SickSignalRule.Evaluate(spells, SchoolCalendar.Without(), Today, Defaults, [(CareSignalKind.FrequentSick, Today.AddDays(-3))]));
    }

    private static SickSpell Spell(int from, int to) => new(Today.AddDays(from), Today.AddDays(to));
}
