using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Rules;

namespace Leerkluis.Tests.Attendance;

public sealed class AbsenceRuleTests
{
    // Monday 2 November 2026 starts a run of school weeks; the Christmas holiday is 19 December – 3 January.
    private static readonly DateOnly Mon = new(2026, 11, 2);
    private static readonly SchoolCalendar Plain = SchoolCalendar.Without();
    private static readonly SchoolCalendar WithChristmas = new([new ClosedDays(new(2026, 12, 19), new(2027, 1, 3), IsHoliday: true)]);

    private static UnexcusedDay Hours(DateOnly day, double hours, bool whole = false) => new(day, (int)(hours * 60), whole);

    [Fact]
    public void Evaluate_ExactlySixteenHoursInFourWeeks_OneReport()
    {
        var days = new[] { Hours(Mon, 4), Hours(Mon.AddDays(7), 4), Hours(Mon.AddDays(14), 4), Hours(Mon.AddDays(21), 4) };

        var drafts = AbsenceRule.Evaluate(days, Plain);

        var report = Assert.Single(drafts);
        Assert.Equal(AbsenceReportType.SixteenHours, report.Type);
        Assert.Equal(Mon, report.PeriodStart);
        Assert.Equal(Mon.AddDays(21), report.PeriodEnd);
        Assert.Equal(16 * 60, report.Minutes);
    }

    [Fact]
    public void Evaluate_OneMinuteShortOfSixteenHours_NoReport()
    {
        var days = new[] { Hours(Mon, 4), Hours(Mon.AddDays(7), 4), Hours(Mon.AddDays(14), 4), new UnexcusedDay(Mon.AddDays(21), 4 * 60 - 1, false) };

        Assert.Empty(AbsenceRule.Evaluate(days, Plain));
    }

    [Fact]
    public void Evaluate_SixteenHoursSpreadOverFiveWeeks_NoReport()
    {
        // Weeks 1 and 5 are not within 4 consecutive school weeks: the window never holds 16 hours.
        var days = new[] { Hours(Mon, 4), Hours(Mon.AddDays(14), 4), Hours(Mon.AddDays(21), 4), Hours(Mon.AddDays(28), 4) };

        Assert.Empty(AbsenceRule.Evaluate(days, Plain));
    }

    [Fact]
    public void Evaluate_HolidayWeeksInsideTheWindow_DoNotCountAsSchoolWeeks()
    {
        // 14 Dec (week A), holiday weeks 21 and 28 Dec, then 4, 11 and 18 Jan: four consecutive school weeks in six calendar weeks.
        var days = new[] { Hours(new(2026, 12, 14), 4), Hours(new(2027, 1, 4), 4), Hours(new(2027, 1, 11), 4), Hours(new(2027, 1, 18), 4) };

        var withHoliday = AbsenceRule.Evaluate(days, WithChristmas);
        var withoutHoliday = AbsenceRule.Evaluate(days, Plain);

        var report = Assert.Single(withHoliday);
        Assert.Equal(new DateOnly(2026, 12, 14), report.PeriodStart);
        Assert.Equal(new DateOnly(2027, 1, 18), report.PeriodEnd);
        Assert.Empty(withoutHoliday);
    }

    [Fact]
    public void Evaluate_ThirtyTwoHours_TwoReportsEachOfItsOwnHours()
    {
        // Four hours on eight school days: Mon 2 – Fri 6 and Mon 9, Wed 11, Thu 12 November.
        int[] offsets = [0, 1, 2, 3, 4, 7, 9, 10];
        var days = offsets.Select(i => Hours(Mon.AddDays(i), 4)).ToList();

        var drafts = AbsenceRule.Evaluate(days, Plain);

        Assert.Equal(2, drafts.Count);
        Assert.Equal((Mon, Mon.AddDays(3)), (drafts[0].PeriodStart, drafts[0].PeriodEnd));
        Assert.Equal((Mon.AddDays(4), Mon.AddDays(10)), (drafts[1].PeriodStart, drafts[1].PeriodEnd));
        Assert.All(drafts, d => Assert.Equal(16 * 60, d.Minutes));
    }

    [Fact]
    public void Evaluate_ReportSpanningWeeks_CoversFirstToLastCountedDay()
    {
        var days = new[] { Hours(Mon.AddDays(3), 6), Hours(Mon.AddDays(8), 5), Hours(Mon.AddDays(16), 5) };

        var report = Assert.Single(AbsenceRule.Evaluate(days, Plain));

        Assert.Equal(Mon.AddDays(3), report.PeriodStart);
        Assert.Equal(Mon.AddDays(16), report.PeriodEnd);
        Assert.Equal(16 * 60, report.Minutes);
    }

    [Fact]
    public void Evaluate_AfterConfirmedReport_CountsOnlyLaterAbsence()
    {
        var days = new[] { Hours(Mon, 8), Hours(Mon.AddDays(1), 8), Hours(Mon.AddDays(2), 8) };

        var drafts = AbsenceRule.Evaluate(days, Plain, countAfter: Mon.AddDays(1));

        Assert.DoesNotContain(drafts, d => d.Type == AbsenceReportType.SixteenHours);
    }

    [Fact]
    public void Evaluate_WholeDaysForMoreThanFourSchoolWeeks_LongTermReport()
    {
        var days = Plain.SchoolDays(Mon, Mon.AddDays(28)).Select(d => Hours(d, 5.5, whole: true)).ToList();

        var drafts = AbsenceRule.Evaluate(days, Plain);

        var longTerm = Assert.Single(drafts, d => d.Type == AbsenceReportType.LongTerm);
        Assert.Equal(Mon, longTerm.PeriodStart);
        Assert.Equal(Mon.AddDays(28), longTerm.PeriodEnd);
    }

    [Fact]
    public void Evaluate_WholeDaysForExactlyFourSchoolWeeks_NoLongTermReport()
    {
        var days = Plain.SchoolDays(Mon, Mon.AddDays(25)).Select(d => Hours(d, 5.5, whole: true)).ToList();

        Assert.DoesNotContain(AbsenceRule.Evaluate(days, Plain), d => d.Type == AbsenceReportType.LongTerm);
    }

    [Fact]
    public void Reconcile_ExcuseAddedAfterwards_WithdrawsPendingReport()
    {
        var id = Guid.NewGuid();
        var stored = new[] { new StoredReport(id, AbsenceReportType.SixteenHours, AbsenceReportStatus.Pending, Mon, Mon.AddDays(21), 960) };
        // One day was excused: 12 hours left, no draft any more.
        var drafts = AbsenceRule.Evaluate([Hours(Mon, 4), Hours(Mon.AddDays(7), 4), Hours(Mon.AddDays(14), 4)], Plain);

        var plan = AbsenceRule.Reconcile(stored, drafts);

        Assert.Equal([id], plan.Withdraw);
        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Reconcile_ConfirmedReportNoLongerDrafted_StaysAsItIs()
    {
        var stored = new[] { new StoredReport(Guid.NewGuid(), AbsenceReportType.SixteenHours, AbsenceReportStatus.Confirmed, Mon, Mon.AddDays(21), 960) };

        var plan = AbsenceRule.Reconcile(stored, []);

        Assert.Empty(plan.Withdraw);
        Assert.Empty(plan.Update);
    }

    [Fact]
    public void Reconcile_SameStartMoreHours_UpdatesPendingInsteadOfCreating()
    {
        var id = Guid.NewGuid();
        var stored = new[] { new StoredReport(id, AbsenceReportType.LongTerm, AbsenceReportStatus.Pending, Mon, Mon.AddDays(28), 100) };
        var drafts = new[] { new ReportDraft(AbsenceReportType.LongTerm, Mon, Mon.AddDays(30), 200) };

        var plan = AbsenceRule.Reconcile(stored, drafts);

        Assert.Empty(plan.Create);
        var (updatedId, draft) = Assert.Single(plan.Update);
        Assert.Equal(id, updatedId);
        Assert.Equal(Mon.AddDays(30), draft.PeriodEnd);
    }
}
