namespace Leerkluis.Web.Features.Attendance.RollCalls;

// The roll-call API contract (JSON, camelCase): states "present" | "absent" | "late"; sources "guardian" | "rollCall" |
// "school" | "leave"; dates yyyy-MM-dd.

public sealed record RollCallPeriod(int Number, TimeOnly Start, TimeOnly End, string? Subject);

public sealed record RollCallLine(Guid LearnerId, string Name, string State, string? Code, string? Source, int? MinutesLate, Guid? Stamp, Guid? NoticeId)
{
    /// <summary>Id of the record behind the line, for the school's corrections (not part of the API answer).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public Guid? RecordId { get; init; }
    /// <summary>What the guardian (or the school) reported, shown beside the line.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string? NoticeReason { get; init; }
}

public sealed record RollCallView(Guid GroupId, DateOnly Day, int Period, IReadOnlyList<RollCallPeriod> Periods, DateTime? TakenUtc,
    IReadOnlyList<RollCallLine> Learners)
{
    [System.Text.Json.Serialization.JsonIgnore] public string GroupName { get; init; } = "";
    /// <summary>The school's active codes, for the page's code choice.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<AbsenceCode> Codes { get; init; } = [];
}

public sealed record RollCallEntry(Guid LearnerId, string? State, string? Code, int? MinutesLate, Guid? Stamp);

public sealed record SaveRollCallCommand(DateOnly? Day, int? Period, IReadOnlyList<RollCallEntry>? Entries);

public sealed record RollCallSaved(int Saved, int Alerts);

public sealed record ConflictSide(string State, string? Code, string? RecordedBy, DateTime? RecordedUtc);

public sealed record RollCallConflict(Guid LearnerId, string Name, ConflictSide Theirs, ConflictSide Yours);

/// <summary>Someone else changed these learners' records since the lines were loaded: nothing was saved.</summary>
public sealed class RollCallConflictException(IReadOnlyList<RollCallConflict> conflicts)
    : Exception("Iemand anders heeft de absentie intussen gewijzigd. Er is niets opgeslagen.")
{
    public IReadOnlyList<RollCallConflict> Conflicts { get; } = conflicts;
}

public static class MarkNames
{
    public const string Present = "present", Absent = "absent", Late = "late";

    public static Mark? Parse(string? state) => state?.Trim().ToLowerInvariant() switch
    {
        Present => Mark.Present,
        Absent => Mark.Absent,
        Late => Mark.Late,
        _ => null,
    };

    public static string Of(AbsenceCategory category) => category == AbsenceCategory.Late ? Late : Absent;

    public static string Of(RecordSource source) => source switch
    {
        RecordSource.Guardian => "guardian",
        RecordSource.School => "school",
        RecordSource.Leave => "leave",
        _ => "rollCall",
    };

    public static string Of(NoticeSource source) => Of(RollCallRules.SourceOf(source));
}
