using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Rules;

namespace Leerkluis.Tests.Attendance;

public sealed class CountingRulesTests
{
    [Fact]
    public void Minutes_PrimaryMorning_CountsClockTime() =>
        Assert.Equal(210, CountedTime.Minutes(PeriodKind.DayPart, new(8, 30), new(12, 0)));

    [Fact]
    public void Minutes_SecondaryFiftyMinuteLesson_CountsAsOneHour() =>
        Assert.Equal(60, CountedTime.Minutes(PeriodKind.Lesson, new(8, 30), new(9, 20)));

    [Fact]
    public void Minutes_SecondaryDoubleBlock_CountsClockTime() =>
        Assert.Equal(100, CountedTime.Minutes(PeriodKind.Lesson, new(8, 30), new(10, 10)));

    [Fact]
    public void Minutes_EndBeforeStart_Zero() =>
        Assert.Equal(0, CountedTime.Minutes(PeriodKind.DayPart, new(12, 0), new(8, 30)));

    [Fact]
    public void Calendar_WeekendAndStudyDay_AreNoSchoolDays()
    {
        var calendar = new SchoolCalendar([new ClosedDays(new(2026, 11, 25), new(2026, 11, 25), IsHoliday: false)]);

        Assert.True(calendar.IsSchoolDay(new(2026, 11, 24)));
        Assert.False(calendar.IsSchoolDay(new(2026, 11, 25)));
        Assert.False(calendar.IsSchoolDay(new(2026, 11, 28)));
        // A study day does not take the week out of the school weeks.
        Assert.True(calendar.IsSchoolWeek(new(2026, 11, 25)));
    }

    [Fact]
    public void Calendar_WeekEntirelyInHoliday_IsNoSchoolWeek()
    {
        var calendar = new SchoolCalendar([new ClosedDays(new(2026, 10, 17), new(2026, 10, 25), IsHoliday: true)]);

        Assert.False(calendar.IsSchoolWeek(new(2026, 10, 21)));
        Assert.True(calendar.IsSchoolWeek(new(2026, 10, 28)));
        var weeks = calendar.NumberWeeks(new(2026, 10, 12), new(2026, 10, 30));
        Assert.Equal(weeks.Of(new(2026, 10, 12))! + 1, weeks.Of(new(2026, 10, 26)));
        Assert.Null(weeks.Of(new(2026, 10, 21)));
    }
}
