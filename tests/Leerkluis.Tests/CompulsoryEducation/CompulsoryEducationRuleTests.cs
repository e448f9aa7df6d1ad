using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Tests.CompulsoryEducation;

public sealed class CompulsoryEducationRuleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData("2020-03-15", "2025-04-01")] // 1 April 2025 is a Tuesday
    [InlineData("2020-03-01", "2025-04-01")] // born on the 1st: still the month after
    [InlineData("2020-03-31", "2025-04-01")]
    [InlineData("2020-10-10", "2025-11-03")] // 1 November 2025 is a Saturday: Monday 3 November
    [InlineData("2020-02-29", "2025-03-03")] // 5th birthday on 28 February 2025; 1 March is a Saturday
    [InlineData("2019-02-28", "2024-03-01")] // a Friday
    [InlineData("2020-12-05", "2026-01-01")] // into the next year (holidays are not considered)
    public void CompulsoryFrom_FirstWeekdayOfMonthAfterFifthBirthday(string born, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CompulsoryEducationRule.CompulsoryFrom(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Status_DayBeforeAndOnStart_NotYetThenCompulsory()
    {
        var born = D(2020, 3, 15);
        Assert.Equal(DutyPhase.NotYet, CompulsoryEducationRule.Status(born, D(2025, 3, 31), false).Phase);
        Assert.Equal(DutyPhase.NotYet, CompulsoryEducationRule.Status(born, D(2025, 3, 15), false).Phase); // 5 years old, not yet
        Assert.Equal(DutyPhase.Compulsory, CompulsoryEducationRule.Status(born, D(2025, 4, 1), false).Phase);
    }

    [Fact]
    public void Status_TurningSixteenOn31July_CompulsoryEndsThatDay()
    {
        var born = D(2010, 7, 31);
        var s = CompulsoryEducationRule.Status(born, D(2026, 7, 31), false);
        Assert.Equal(DutyPhase.Compulsory, s.Phase);
        Assert.Equal(D(2026, 7, 31), s.CompulsoryUntil);
        Assert.Equal(DutyPhase.QualificationDuty, CompulsoryEducationRule.Status(born, D(2026, 8, 1), false).Phase);
    }

    [Fact]
    public void Status_TurningSixteenOn1August_CompulsoryUntilNextSchoolYearEnd()
    {
        var born = D(2010, 8, 1);
        Assert.Equal(D(2027, 7, 31), CompulsoryEducationRule.CompulsoryUntil(born));
        Assert.Equal(DutyPhase.Compulsory, CompulsoryEducationRule.Status(born, D(2026, 8, 1), false).Phase);
        Assert.Equal(DutyPhase.Compulsory, CompulsoryEducationRule.Status(born, D(2027, 7, 31), false).Phase);
        Assert.Equal(DutyPhase.QualificationDuty, CompulsoryEducationRule.Status(born, D(2027, 8, 1), false).Phase);
    }

    [Fact]
    public void Status_TurningSixteenInJulyVsAugust_DiffersByOneSchoolYear()
    {
        Assert.Equal(D(2026, 7, 31), CompulsoryEducationRule.CompulsoryUntil(D(2010, 7, 15)));
        Assert.Equal(D(2027, 7, 31), CompulsoryEducationRule.CompulsoryUntil(D(2010, 8, 15)));
    }

    [Fact]
    public void Status_EighteenthBirthday_QualificationDutyEndsTheDayBefore()
    {
        var born = D(2010, 8, 1);
        var s = CompulsoryEducationRule.Status(born, D(2028, 7, 31), false);
        Assert.Equal(DutyPhase.QualificationDuty, s.Phase);
        Assert.Equal(D(2028, 7, 31), s.QualificationUntil);
        Assert.Equal(DutyPhase.None, CompulsoryEducationRule.Status(born, D(2028, 8, 1), false).Phase);
    }

    [Fact]
    public void Status_LeapDayBirthday_EighteenOn28February()
    {
        var born = D(2008, 2, 29);
        Assert.Equal(DutyPhase.QualificationDuty, CompulsoryEducationRule.Status(born, D(2026, 2, 27), false).Phase);
        Assert.Equal(DutyPhase.None, CompulsoryEducationRule.Status(born, D(2026, 2, 28), false).Phase);
    }

    [Fact]
    public void Status_StartQualification_EndsQualificationDutyButNotCompulsoryEducation()
    {
        var born = D(2010, 7, 31);
        Assert.Equal(DutyPhase.None, CompulsoryEducationRule.Status(born, D(2027, 9, 1), true).Phase);
        Assert.Equal(DutyPhase.QualificationDuty, CompulsoryEducationRule.Status(born, D(2027, 9, 1), false).Phase);
        Assert.Equal(DutyPhase.Compulsory, CompulsoryEducationRule.Status(born, D(2026, 6, 1), true).Phase);
    }

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2026-07-31")]
    [InlineData("2026-08-01")]
    [InlineData("2028-02-29")]
    [InlineData("2027-03-01")]
    public void BirthDatesUnderDuty_AgreesWithStatusForEveryBirthDate(string dayText)
    {
        var day = DateOnly.Parse(dayText, System.Globalization.CultureInfo.InvariantCulture);
        var range = CompulsoryEducationRule.BirthDatesUnderDuty(day);
        for (var born = day.AddYears(-20); born <= day.AddYears(-3); born = born.AddDays(1))
        {
            var phase = CompulsoryEducationRule.Status(born, day, false).Phase;
            var inRange = born >= range.Earliest && born <= range.Latest;
            Assert.True(inRange == phase is DutyPhase.Compulsory or DutyPhase.QualificationDuty, $"born {born} on {day}: {phase}");
            if (inRange) Assert.Equal(born >= range.CompulsoryEarliest, phase == DutyPhase.Compulsory);
        }
    }

    [Fact]
    public void CountDate_IsFirstOctoberOfTheSchoolYear()
    {
        Assert.Equal(D(2026, 10, 1), CountDate.Of(new SchoolYear(2026)));
        Assert.Equal(D(2026, 10, 1), CountDate.Of(SchoolYear.Containing(D(2027, 7, 31))));
    }
}
