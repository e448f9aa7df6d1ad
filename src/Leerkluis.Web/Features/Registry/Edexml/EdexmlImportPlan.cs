namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>
/// File: the file as a whole cannot be read (not XML, hostile, too large, another school). Structure: a rule of
/// the Edexml XSD. Business: a rule the XSD cannot express (elfproef, duplicates, enrolment elsewhere).
/// </summary>
public enum EdexmlProblemKind { File, Structure, Business }

public enum EdexmlRecordType { School, Group, Staff, Learner }

public enum EdexmlAction { Create, Update, Unchanged, Skipped }

/// <summary>One thing wrong with the file, with where it is: element path and line number.</summary>
public sealed record EdexmlProblem(
    EdexmlProblemKind Kind, string Message, string? Path, int? Line, EdexmlRecordType? RecordType = null, string? RecordKey = null)
{
    public override string ToString() =>
        (Line is { } l ? $"regel {l}" : "bestand") + (Path is null ? "" : $" ({Path})") + ": " + Message;
}

/// <summary>One school, group, teacher or learner of the file and what the import does with it.</summary>
public sealed class EdexmlRecord
{
    public required EdexmlRecordType Type { get; init; }
    /// <summary>The file's key attribute (Edexml <c>key</c>), or the school code for the school record.</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    public int Line { get; init; }
    public required string Path { get; init; }
    public EdexmlAction Action { get; set; }
    public List<EdexmlProblem> Problems { get; } = [];
    /// <summary>The Leerkluis id the record maps to (existing or to be created).</summary>
    public Guid? TargetId { get; set; }
    /// <summary>Which fields an update changes (names only, no values: safe to show and log).</summary>
    public List<string> Changes { get; } = [];
}

/// <summary>The preview: what an import of this file would do, record by record, and every problem.</summary>
public sealed class EdexmlImportPlan
{
    public Guid SchoolId { get; init; }
    public string? SchoolYear { get; set; }
    /// <summary>Problems that are not tied to one record (file unreadable, other school): the file is refused whole.</summary>
    public List<EdexmlProblem> FileProblems { get; } = [];
    public List<EdexmlRecord> Records { get; } = [];

    public IEnumerable<EdexmlProblem> AllProblems =>
        FileProblems.Concat(Records.SelectMany(r => r.Problems)).OrderBy(p => p.Line ?? 0);

    public bool HasProblems => FileProblems.Count > 0 || Records.Any(r => r.Problems.Count > 0);

    /// <summary>True when no record can be written even with skipInvalid.</summary>
    public bool IsUnreadable => FileProblems.Count > 0;

    public int Count(EdexmlAction action) => Records.Count(r => r.Action == action);

    internal EdexmlWork? Work { get; set; }
}

public sealed record ImportProgress(int Done, int Total);

public sealed record EdexmlImportResult(
    bool Written, bool Refused, int Created, int Updated, int Unchanged, int Skipped,
    IReadOnlyList<EdexmlProblem> Problems, IReadOnlyList<EdexmlRecord> Records)
{
    public string Summary => Refused
        ? $"Bestand geweigerd: er is niets opgeslagen ({Problems.Count} probleem/problemen)."
        : $"Nieuw: {Created}, bijgewerkt: {Updated}, ongewijzigd: {Unchanged}, overgeslagen: {Skipped}.";
}
