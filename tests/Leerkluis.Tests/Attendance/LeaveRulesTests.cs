using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Rules;

namespace Leerkluis.Tests.Attendance;

public sealed class LeaveRulesTests
{
    // School year 2026-2027 starts Monday 24 August 2026 (after the summer holiday).
    private static readonly DateOnly FirstDay = new(2026, 8, 24);
    private static readonly SchoolCalendar Calendar = SchoolCalendar.Without();

    [Fact]
    public void Check_HolidayLeaveOfTenSchoolDays_Allowed()
    {
        var check = LeaveRules.Check(LeaveKind.Holiday, new(2027, 3, 1), new(2027, 3, 12), Calendar, FirstDay, holidayLeaveThisYear: false);

        Assert.Empty(check.Errors);
        Assert.Equal(10, check.SchoolDays);
        Assert.Equal(LeaveDecider.Head, check.Decider);
    }

    [Fact]
    public void Check_HolidayLeaveOfElevenSchoolDays_Refused()
    {
        var check = LeaveRules.Check(LeaveKind.Holiday, new(2027, 3, 1), new(2027, 3, 15), Calendar, FirstDay, false);

        Assert.Contains(check.Errors, e => e.Field == "To" && e.Message.Contains("ten hoogste 10"));
    }

    [Fact]
    public void Check_HolidayLeaveInSecondSchoolWeek_Refused()
    {
        var check = LeaveRules.Check(LeaveKind.Holiday, new(2026, 9, 4), new(2026, 9, 8), Calendar, FirstDay, false);

        Assert.Contains(check.Errors, e => e.Message.Contains("eerste twee schoolweken"));
    }

    [Fact]
    public void Check_HolidayLeaveFromThirdSchoolWeek_Allowed() =>
        Assert.Empty(LeaveRules.Check(LeaveKind.Holiday, new(2026, 9, 7), new(2026, 9, 11), Calendar, FirstDay, false).Errors);

    [Fact]
    public void Check_SecondHolidayLeaveInSchoolYear_Refused() =>
        Assert.Contains(LeaveRules.Check(LeaveKind.Holiday, new(2027, 3, 1), new(2027, 3, 2), Calendar, FirstDay, true).Errors,
            e => e.Message.Contains("één keer per schooljaar"));

    [Fact]
    public void Check_ImportantCircumstancesOverTenDays_AttendanceOfficerDecides()
    {
        var check = LeaveRules.Check(LeaveKind.ImportantCircumstances, new(2027, 3, 1), new(2027, 3, 15), Calendar, FirstDay, false);

        Assert.Empty(check.Errors);
        Assert.Equal(LeaveDecider.AttendanceOfficer, check.Decider);
        Assert.Equal(11, check.SchoolDays);
    }

    [Fact]
    public void Check_ImportantCircumstancesTwoDays_HeadDecides() =>
        Assert.Equal(LeaveDecider.Head, LeaveRules.Check(LeaveKind.ImportantCircumstances, new(2027, 3, 1), new(2027, 3, 2), Calendar, FirstDay, false).Decider);

    [Fact]
    public void Check_EndBeforeStart_ClearMessage() =>
        Assert.Contains(LeaveRules.Check(LeaveKind.ImportantCircumstances, new(2027, 3, 2), new(2027, 3, 1), Calendar, FirstDay, false).Errors,
            e => e.Field == "To" && e.Message.Contains("vóór de begindatum"));
}

public sealed class ReportLimitsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Check_TodayBeforeDeadline_Accepted() =>
        Assert.Empty(ReportLimits.Check(new AttendanceSettings(), Today, new(8, 15), Today, null));

    [Fact]
    public void Check_TodayAfterDeadline_Refused() =>
        Assert.Contains(ReportLimits.Check(new AttendanceSettings(), Today, new(8, 31), Today, null), e => e.Message.Contains("08:30"));

    [Fact]
    public void Check_PastDay_RefusedUnlessSchoolAllows()
    {
        Assert.NotEmpty(ReportLimits.Check(new AttendanceSettings(), Today, new(8, 0), Today.AddDays(-1), null));
        Assert.Empty(ReportLimits.Check(new AttendanceSettings { AllowPastReports = true }, Today, new(8, 0), Today.AddDays(-1), null));
    }

    [Fact]
    public void Check_EndBeforeStart_Refused() =>
        Assert.Contains(ReportLimits.Check(new AttendanceSettings(), Today, new(8, 0), Today.AddDays(2), Today.AddDays(1)), e => e.Field == "To");
}
