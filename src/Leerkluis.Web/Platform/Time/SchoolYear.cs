namespace Leerkluis.Web.Platform.Time;

/// <summary>A Dutch school year: 1 August to 31 July, named by its start year ("2026-2027").</summary>
public readonly record struct SchoolYear(int StartYear) : IComparable<SchoolYear>
{
    public DateOnly FirstDay => new(StartYear, 8, 1);
    public DateOnly LastDay => new(StartYear + 1, 7, 31);
    public SchoolYear Next => new(StartYear + 1);
    public SchoolYear Previous => new(StartYear - 1);

    public static SchoolYear Containing(DateOnly date) => new(date.Month >= 8 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>Parses the Edexml/DUO form "2026-2027".</summary>
    public static bool TryParse(string? text, out SchoolYear year)
    {
        year = default;
        if (text is null || text.Length != 9 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), out var a) || !int.TryParse(text.AsSpan(5, 4), out var b)) return false;
        if (b != a + 1 || a < 1900) return false;
        year = new SchoolYear(a);
        return true;
    }

    public int CompareTo(SchoolYear other) => StartYear.CompareTo(other.StartYear);
    public static bool operator <(SchoolYear left, SchoolYear right) => left.CompareTo(right) < 0;
    public static bool operator <=(SchoolYear left, SchoolYear right) => left.CompareTo(right) <= 0;
    public static bool operator >(SchoolYear left, SchoolYear right) => left.CompareTo(right) > 0;
    public static bool operator >=(SchoolYear left, SchoolYear right) => left.CompareTo(right) >= 0;
    public override string ToString() => $"{StartYear}-{StartYear + 1}";
}
