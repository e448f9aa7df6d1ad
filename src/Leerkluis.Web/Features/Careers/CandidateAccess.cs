namespace Leerkluis.Web.Features.Careers;

/// <summary>
/// "Only what is mine", the one row-level rule of the careers slice: an advisor sees the candidates of the
/// regions their desk serves and the candidates shared with those regions; a candidate sees only themself.
/// Anything else is treated as not existing (404), so other regions' candidates do not leak.
/// </summary>
public static class CandidateAccess
{
    /// <param name="advisorRegions">Regions served by the advisor's desk (empty for anyone who is not an advisor).</param>
    /// <param name="actorUserId">The acting user, to recognise a candidate's own record.</param>
    public static bool MaySee(IReadOnlyCollection<Guid> advisorRegions, Guid? actorUserId,
        Guid candidateRegion, IEnumerable<Guid> sharedWithRegions, Guid? candidateUserId)
    {
        if (actorUserId is not null && candidateUserId == actorUserId) return true;
        if (advisorRegions.Count == 0) return false;
        return advisorRegions.Contains(candidateRegion) || sharedWithRegions.Any(advisorRegions.Contains);
    }

    /// <summary>Changes (phase, contacts, tasks, merge) are for advisors who may see the candidate; the candidate edits only their profile.</summary>
    public static bool MayWork(IReadOnlyCollection<Guid> advisorRegions, Guid candidateRegion, IEnumerable<Guid> sharedWithRegions) =>
        advisorRegions.Count > 0 && (advisorRegions.Contains(candidateRegion) || sharedWithRegions.Any(advisorRegions.Contains));
}
