using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.RollCalls;

namespace Leerkluis.Tests.Attendance;

public sealed class RollCallRulesTests
{
    private static readonly Guid Ov = Guid.NewGuid(), Tl = Guid.NewGuid(), Z = Guid.NewGuid(), Gv = Guid.NewGuid();

    private static AbsenceCategory CategoryOf(Guid id) =>
        id == Ov ? AbsenceCategory.Unexcused : id == Tl ? AbsenceCategory.Late : id == Z ? AbsenceCategory.Sick : AbsenceCategory.Excused;

    private static RollCallStep Plan(WantedMark wanted, StandingRecord? standing = null, CoveringNotice? notice = null) =>
        RollCallRules.Plan(wanted, standing, notice, CategoryOf, Ov, Tl);

    [Fact]
    public void Plan_AbsentWithoutCodeOrNotice_UnexcusedAndUnreported()
    {
        var step = Assert.IsType<RollCallStep.Write>(Plan(new WantedMark(Mark.Absent, null, null, null)));

        Assert.Equal((Ov, RecordSource.RollCall, true), (step.CodeId, step.Source, step.Unreported));
    }

    [Fact]
    public void Plan_AbsentWithGuardianNotice_TakesNoticeCodeAndNoAlert()
    {
        var notice = new CoveringNotice(Guid.NewGuid(), Z, NoticeSource.Guardian);

        var step = Assert.IsType<RollCallStep.Write>(Plan(new WantedMark(Mark.Absent, null, null, null), notice: notice));

        Assert.Equal((Z, RecordSource.Guardian, notice.NoticeId, false), (step.CodeId, step.Source, step.NoticeId, step.Unreported));
    }

    [Fact]
    public void Plan_TeacherPicksUnexcusedDespiteNotice_NoAlert()
    {
        var notice = new CoveringNotice(Guid.NewGuid(), Z, NoticeSource.Guardian);

        var step = Assert.IsType<RollCallStep.Write>(Plan(new WantedMark(Mark.Absent, Ov, null, null), notice: notice));

        Assert.Equal((Ov, RecordSource.RollCall, false), (step.CodeId, step.Source, step.Unreported));
    }

    [Fact]
    public void Plan_LateWithoutCode_TakesLateCodeWithMinutes()
    {
        var step = Assert.IsType<RollCallStep.Write>(Plan(new WantedMark(Mark.Late, null, 7, null)));

        Assert.Equal((Tl, 7, false), (step.CodeId, step.MinutesLate, step.Unreported));
    }

    [Fact]
    public void Plan_PresentWithRecord_RemovesIt_WithoutRecord_KeepsNothing()
    {
        var standing = new StandingRecord(Ov, null, Guid.NewGuid());

        Assert.IsType<RollCallStep.Remove>(Plan(new WantedMark(Mark.Present, null, null, standing.Stamp), standing));
        Assert.IsType<RollCallStep.Keep>(Plan(new WantedMark(Mark.Present, null, null, null)));
    }

    [Fact]
    public void IsConflict_SameValueOverOtherStamp_NoConflictBecauseNothingChanges()
    {
        var standing = new StandingRecord(Ov, null, Guid.NewGuid());
        var step = Plan(new WantedMark(Mark.Absent, null, null, null), standing);

        Assert.IsType<RollCallStep.Keep>(step);
        Assert.False(RollCallRules.IsConflict(step, standing, loadedStamp: null));
    }

    [Fact]
    public void IsConflict_ChangeOverStampNotLoaded_Conflict()
    {
        var standing = new StandingRecord(Gv, null, Guid.NewGuid());
        var wanted = new WantedMark(Mark.Present, null, null, Guid.NewGuid());

        Assert.True(RollCallRules.IsConflict(Plan(wanted, standing), standing, wanted.LoadedStamp));
    }

    [Fact]
    public void IsConflict_RecordRemovedSinceLoading_Conflict()
    {
        var wanted = new WantedMark(Mark.Absent, Z, null, Guid.NewGuid());

        Assert.True(RollCallRules.IsConflict(Plan(wanted), null, wanted.LoadedStamp));
    }

    [Fact]
    public void IsConflict_ChangeOverStampLoaded_NoConflict()
    {
        var standing = new StandingRecord(Ov, null, Guid.NewGuid());
        var wanted = new WantedMark(Mark.Absent, Gv, null, standing.Stamp);

        Assert.False(RollCallRules.IsConflict(Plan(wanted, standing), standing, wanted.LoadedStamp));
    }
}
