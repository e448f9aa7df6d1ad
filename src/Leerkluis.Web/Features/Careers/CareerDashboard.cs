using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers;

public sealed record Bar(string Label, int Value);
public sealed record DashboardView(string Scope, int Total, IReadOnlyList<Bar> ByPhase, IReadOnlyList<Bar> Funnel, IReadOnlyList<Bar> BySubject,
    IReadOnlyList<Bar> BySector, IReadOnlyList<Bar> Bottlenecks, IReadOnlyList<Bar> Attendance);

/// <summary>Counts per region (or all the advisor's regions) for the dashboard: phase, funnel, subject, sector, bottlenecks, activity attendance.</summary>
public sealed class CareerDashboard(LeerkluisDb db, CareerScope scope)
{
    public async Task<DashboardView> ForAsync(Guid? regionId, CancellationToken ct)
    {
        var regions = await scope.AdvisorRegionsAsync(ct);
        if (regionId is { } only && !regions.Contains(only)) throw new Platform.Audit.NotFoundException();
        var ids = regionId is { } r ? [r] : regions.ToList();
        var name = regionId is null ? "Al mijn regio's" : await db.Set<Region>().Where(x => x.Id == regionId).Select(x => x.Name).FirstAsync(ct);
        // A region's own candidates (not shared ones): the dashboard answers "how many are in my region".
        var q = db.Set<Candidate>().Where(c => ids.Contains(c.RegionId));
        var phases = await q.GroupBy(c => c.Phase).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var total = phases.Values.Sum();
        var byPhase = Enum.GetValues<Phase>().Select(p => new Bar(CareerCodes.PhaseLabel(p), phases.GetValueOrDefault(p))).ToList();
        // Funnel: how many reached at least this phase.
        var funnel = Enum.GetValues<Phase>().Select(p => new Bar(CareerCodes.PhaseLabel(p), phases.Where(x => x.Key >= p).Sum(x => x.Value))).ToList();
        var lists = await q.Select(c => new { c.Subjects, c.Bottlenecks }).ToListAsync(ct);
        var bySubject = lists.SelectMany(x => x.Subjects).GroupBy(s => s).Select(g => new Bar(CareerCodes.SubjectLabel(g.Key), g.Count()))
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label).ToList();
        var bottlenecks = lists.SelectMany(x => x.Bottlenecks).GroupBy(s => s)
            .Select(g => new Bar(CareerCodes.Bottlenecks.TryGetValue(g.Key, out var l) ? l : g.Key, g.Count())).OrderByDescending(b => b.Value).ToList();
        List<Bar> bySector =
        [
            new("po", await q.CountAsync(c => c.InterestPo, ct)),
            new("vo", await q.CountAsync(c => c.InterestVo, ct)),
            new("mbo", await q.CountAsync(c => c.InterestMbo, ct)),
        ];
        return new DashboardView(name, total, byPhase, funnel, bySubject, bySector, bottlenecks, await AttendanceAsync(ids, ct));
    }

    /// <summary>Registrations for the regions' own activities by outcome (past and upcoming).</summary>
    private async Task<IReadOnlyList<Bar>> AttendanceAsync(IReadOnlyCollection<Guid> regionIds, CancellationToken ct)
    {
        var counts = await db.Set<ActivityRegistration>()
            .Join(db.Set<Activity>().Where(a => regionIds.Contains(a.RegionId)), r => r.ActivityId, a => a.Id, (r, a) => r.Status)
            .GroupBy(s => s).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        if (counts.Count == 0) return [];
        return [.. Enum.GetValues<AttendanceStatus>().Select(s => new Bar(ActivityRules.StatusLabel(s), counts.GetValueOrDefault(s)))];
    }
}
