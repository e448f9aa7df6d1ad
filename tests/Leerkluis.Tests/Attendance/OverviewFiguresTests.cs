using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Overviews;
using Leerkluis.Web.Features.Attendance.Reports;

namespace Leerkluis.Tests.Attendance;

/// <summary>How overviews and reports count hours and percentages.</summary>
public sealed class OverviewFiguresTests
{
    [Fact]
    public void Totals_LateArrival_CountsMinutesLateButIsNoAbsence()
    {
        var minutes = AttendanceFigures.Minutes(AbsenceCategory.Late, 210, 10);
        var totals = AttendanceFigures.Totals([(AbsenceCategory.Late, 1, minutes), (AbsenceCategory.Sick, 2, 330)], 3300);

        Assert.Equal(10, totals.Single(t => t.Category == AbsenceCategory.Late).Minutes);
        Assert.Equal(0m, totals.Single(t => t.Category == AbsenceCategory.Late).Percent);
        Assert.Equal(10m, totals.Single(t => t.Category == AbsenceCategory.Sick).Percent);
        Assert.Equal(90m, AttendanceFigures.AttendancePercent(totals, 3300));
    }

    [Fact]
    public void Totals_EveryCategoryListedOnce_SumsPerCategory()
    {
        var totals = AttendanceFigures.Totals([(AbsenceCategory.Unexcused, 1, 60), (AbsenceCategory.Unexcused, 2, 90)], 600);

        Assert.Equal(Enum.GetValues<AbsenceCategory>().Length, totals.Count);
        var unexcused = totals.Single(t => t.Category == AbsenceCategory.Unexcused);
        Assert.Equal((3, 150, 2.5m, 25m), (unexcused.Periods, unexcused.Minutes, unexcused.Hours, unexcused.Percent));
    }

    [Fact]
    public void AttendancePercent_NothingScheduled_IsHundred_AbsenceBeyondScheduleIsZero()
    {
        Assert.Equal(100m, AttendanceFigures.AttendancePercent([], 0));
        var totals = AttendanceFigures.Totals([(AbsenceCategory.Sick, 4, 900)], 600);
        Assert.Equal(0m, AttendanceFigures.AttendancePercent(totals, 600));
    }

    [Theory]
    [InlineData(960, 16.0)]
    [InlineData(990, 16.5)]
    [InlineData(1003, 16.7)]
    [InlineData(3, 0.1)]
    public void ReportHours_Minutes_OneDecimal(int minutes, double hours) => Assert.Equal((decimal)hours, ReportHours.Of(minutes));

    [Fact]
    public void Percent_RoundsToOneDecimal() => Assert.Equal(33.3m, AttendanceFigures.Percent(1, 3));
}
