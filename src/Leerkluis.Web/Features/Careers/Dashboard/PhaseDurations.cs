namespace Leerkluis.Web.Features.Careers.Dashboard;

/// <summary>
/// Time per phase from the phase history: a stay in a phase runs from the change into it to the next change of the same
/// candidate. Only finished stays count (a candidate still in a phase has no duration yet), so the median is not pulled
/// down by people who only just arrived.
/// </summary>
public static class PhaseDurations
{
    public sealed record Step(Guid CandidateId, Phase To, DateTime AtUtc);
    public sealed record PhaseMedian(Phase Phase, double MedianDays, int Stays);

    public static IReadOnlyList<PhaseMedian> Medians(IEnumerable<Step> steps)
    {
        var days = new Dictionary<Phase, List<double>>();
        foreach (var candidate in steps.GroupBy(s => s.CandidateId))
        {
            var ordered = candidate.OrderBy(s => s.AtUtc).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                var stay = (ordered[i + 1].AtUtc - ordered[i].AtUtc).TotalDays;
                if (!days.TryGetValue(ordered[i].To, out var list)) days[ordered[i].To] = list = [];
                list.Add(stay);
            }
        }
        return Enum.GetValues<Phase>().Where(days.ContainsKey).Select(p => new PhaseMedian(p, Median(days[p]), days[p].Count)).ToList();
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
