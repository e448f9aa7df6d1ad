namespace Leerkluis.Web.Features.Careers.Matching;

/// <summary>What matching needs to know about a candidate.</summary>
public sealed record MatchCandidate(
    IReadOnlyCollection<string> Subjects, bool Po, bool Vo, bool Mbo, Guid RegionId, IReadOnlyCollection<Guid> PreferredRegionIds,
    DateOnly? AvailableFrom, int? HoursPerWeek, EducationLevel? Level)
{
    public static MatchCandidate Of(Candidate c) =>
        new(c.Subjects, c.InterestPo, c.InterestVo, c.InterestMbo, c.RegionId, c.PreferredRegionIds, c.AvailableFrom, c.HoursPerWeek, c.EducationLevel);
}

/// <summary>A vacancy or teacher-training programme, as matching sees it. Hours is null for a programme.</summary>
public sealed record MatchTarget(
    IReadOnlyCollection<string> Subjects, Sector Sector, Guid RegionId, DateOnly StartDate, int? Hours, EducationLevel RequiredLevel);

/// <summary>One factor's contribution: points out of its maximum, with the reason in Dutch.</summary>
public sealed record MatchFactor(string Name, int Points, int Max, string Explanation);

public sealed record MatchScore(int Total, IReadOnlyList<MatchFactor> Factors);

/// <summary>
/// The explainable match score (0–100): subject 40, sector 20, region 15, availability 15, entry requirements 10.
/// Pure, so the advisor's screen, the API and the tests all see the same numbers and reasons.
/// </summary>
public static class MatchScorer
{
    public const int SubjectMax = 40, SectorMax = 20, RegionMax = 15, AvailabilityMax = 15, EntryMax = 10;

    public static MatchScore Score(MatchCandidate c, MatchTarget t)
    {
        MatchFactor[] factors = [Subject(c, t), SectorFactor(c, t), RegionFactor(c, t), Availability(c, t), Entry(c, t)];
        return new MatchScore(factors.Sum(f => f.Points), factors);
    }

    private static MatchFactor Subject(MatchCandidate c, MatchTarget t)
    {
        var common = t.Subjects.Where(c.Subjects.Contains).ToList();
        return common.Count > 0
            ? new("Vak", SubjectMax, SubjectMax, $"Interesse in {string.Join(", ", common.Select(CareerCodes.SubjectLabel))}.")
            : new("Vak", 0, SubjectMax, $"Geen interesse in {string.Join(", ", t.Subjects.Select(CareerCodes.SubjectLabel))}.");
    }

    private static MatchFactor SectorFactor(MatchCandidate c, MatchTarget t)
    {
        var wants = t.Sector switch { Sector.Po => c.Po, Sector.Vo => c.Vo, Sector.Mbo => c.Mbo, _ => false };
        var label = CareerCodes.SectorLabel(t.Sector);
        return wants ? new("Sector", SectorMax, SectorMax, $"Wil werken in het {label}.")
                     : new("Sector", 0, SectorMax, $"Heeft geen interesse in het {label} opgegeven.");
    }

    private static MatchFactor RegionFactor(MatchCandidate c, MatchTarget t)
    {
        if (t.RegionId == c.RegionId) return new("Regio", RegionMax, RegionMax, "In de eigen regio.");
        if (c.PreferredRegionIds.Contains(t.RegionId)) return new("Regio", RegionMax, RegionMax, "In een voorkeursregio.");
        return new("Regio", 0, RegionMax, "Buiten de eigen regio en voorkeursregio's.");
    }

    /// <summary>Start date 10 points, hours 5; an unknown date or hours gets half, so missing data neither hides nor favours.</summary>
    private static MatchFactor Availability(MatchCandidate c, MatchTarget t)
    {
        int date; string dateText;
        if (c.AvailableFrom is null) { date = 5; dateText = "beschikbaarheid onbekend"; }
        else if (c.AvailableFrom <= t.StartDate) { date = 10; dateText = "beschikbaar vóór de start"; }
        else { date = 0; dateText = "pas beschikbaar na de start"; }

        int hours; string hoursText;
        if (t.Hours is null) { hours = 5; hoursText = "uren passen bij een opleiding"; }
        else if (c.HoursPerWeek is null) { hours = 2; hoursText = "uren onbekend"; }
        else if (c.HoursPerWeek >= t.Hours) { hours = 5; hoursText = $"{c.HoursPerWeek} uur beschikbaar, {t.Hours} gevraagd"; }
        else { hours = 0; hoursText = $"{c.HoursPerWeek} uur beschikbaar, {t.Hours} gevraagd"; }
        return new("Beschikbaarheid", date + hours, AvailabilityMax, $"{Capitalise(dateText)}; {hoursText}.");
    }

    private static MatchFactor Entry(MatchCandidate c, MatchTarget t)
    {
        var required = CareerCodes.LevelLabel(t.RequiredLevel);
        if (c.Level is null) return new("Toelatingseisen", 0, EntryMax, $"Vooropleiding onbekend; {required} vereist.");
        return c.Level >= t.RequiredLevel
            ? new("Toelatingseisen", EntryMax, EntryMax, $"Vooropleiding {CareerCodes.LevelLabel(c.Level)} voldoet ({required} vereist).")
            : new("Toelatingseisen", 0, EntryMax, $"Vooropleiding {CareerCodes.LevelLabel(c.Level)}; {required} vereist.");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
