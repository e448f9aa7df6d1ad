namespace Leerkluis.Web.Features.Attendance.RollCalls;

/// <summary>What the teacher marks for a learner in a period.</summary>
public enum Mark { Present = 1, Absent = 2, Late = 3 }

/// <summary>The record that stands now for a learner in the period (null when the learner is simply present).</summary>
public sealed record StandingRecord(Guid CodeId, int? MinutesLate, Guid Stamp);

/// <summary>A notice (guardian report, granted leave, school's own) covering the period.</summary>
public sealed record CoveringNotice(Guid NoticeId, Guid CodeId, NoticeSource Source);

/// <summary>One roll-call line as sent: the mark, an optional code, and the stamp of the record it was loaded with.</summary>
public sealed record WantedMark(Mark Mark, Guid? CodeId, int? MinutesLate, Guid? LoadedStamp);

/// <summary>What to do with a learner's record: nothing, remove it (present), or write it.</summary>
public abstract record RollCallStep
{
    public sealed record Keep : RollCallStep;
    public sealed record Remove : RollCallStep;
    /// <param name="Unreported">Absent and unexcused without any notice: the guardian is to hear of it this morning.</param>
    public sealed record Write(Guid CodeId, RecordSource Source, Guid? NoticeId, int? MinutesLate, bool Unreported) : RollCallStep;

    public static readonly RollCallStep Nothing = new Keep();
}

/// <summary>
/// The roll-call rules, pure: how a mark becomes a record, and when a save would overwrite someone else's change.
/// <list type="bullet">
/// <item>Present removes the record. Absent without a code takes the covering notice's code (the guardian's report),
/// else the unreported code (OV, unexcused); only an unexcused absence nobody reported alerts the guardian.
/// Late without a code takes the late code (TL).</item>
/// <item>A line that changes nothing is kept as it is, whatever stamp it carries: nothing is overwritten.</item>
/// <item>A line that changes a record is a conflict when the record's stamp differs from the stamp the line was loaded
/// with (someone else wrote or removed it since): the save must then not happen.</item>
/// </list>
/// </summary>
public static class RollCallRules
{
    public static RollCallStep Plan(WantedMark wanted, StandingRecord? standing, CoveringNotice? notice,
        Func<Guid, AbsenceCategory> categoryOf, Guid unreportedCodeId, Guid lateCodeId)
    {
        switch (wanted.Mark)
        {
            case Mark.Present:
                return standing is null ? RollCallStep.Nothing : new RollCallStep.Remove();
            case Mark.Late:
            {
                var code = wanted.CodeId ?? lateCodeId;
                if (standing is not null && standing.CodeId == code && standing.MinutesLate == wanted.MinutesLate) return RollCallStep.Nothing;
                return new RollCallStep.Write(code, RecordSource.RollCall, null, wanted.MinutesLate, false);
            }
            default:
            {
                var code = wanted.CodeId ?? notice?.CodeId ?? unreportedCodeId;
                if (standing is not null && standing.CodeId == code && standing.MinutesLate is null) return RollCallStep.Nothing;
                var fromNotice = notice is not null && notice.CodeId == code;
                var source = fromNotice ? SourceOf(notice!.Source) : RecordSource.RollCall;
                var unreported = notice is null && categoryOf(code) == AbsenceCategory.Unexcused;
                return new RollCallStep.Write(code, source, notice?.NoticeId, null, unreported);
            }
        }
    }

    /// <summary>Whether carrying out the step would overwrite a change the teacher did not see.</summary>
    public static bool IsConflict(RollCallStep step, StandingRecord? standing, Guid? loadedStamp) =>
        step is not RollCallStep.Keep && standing?.Stamp != loadedStamp;

    public static RecordSource SourceOf(NoticeSource source) => source switch
    {
        NoticeSource.Leave => RecordSource.Leave,
        NoticeSource.School => RecordSource.School,
        _ => RecordSource.Guardian,
    };
}
