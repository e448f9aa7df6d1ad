using Leerkluis.Web.Features.Careers.Activities;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Dashboard;

public sealed record Bar(string Label, int Value);
public sealed record DashboardView(string Scope, int Total, IReadOnlyList<Bar> ByPhase, IReadOnlyList<Bar> Funnel, IReadOnlyList<Bar> BySubject,
    IReadOnlyList<Bar> BySector, IReadOnlyList<Bar> Bottlenecks, IReadOnlyList<Bar> Attendance, IReadOnlyList<Bar> MedianDaysPerPhase);

/// <summary>One region in the side-by-side view: counts only, never a name.</summary>
public sealed record RegionFigures(Guid RegionId, string Region, int Total, IReadOnlyList<int> PerPhase, int Po, int Vo, int Mbo, int Registrations, int Attended);

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
        var steps = await db.Set<PhaseChange>().Join(q, p => p.CandidateId, c => c.Id, (p, c) => new PhaseDurations.Step(p.CandidateId, p.To, p.AtUtc)).ToListAsync(ct);
        var medians = PhaseDurations.Medians(steps).Select(m => new Bar(CareerCodes.PhaseLabel(m.Phase), (int)Math.Round(m.MedianDays))).ToList();
        return new DashboardView(name, total, byPhase, funnel, bySubject, bySector, bottlenecks, await AttendanceAsync(ids, ct), medians);
    }

    /// <summary>
    /// All regions side by side, for an advisor of any region: aggregated counts only (how many, per phase, per sector,
    /// activity registrations and attendance), so desks can compare without seeing each other's candidates.
    /// </summary>
    public async Task<IReadOnlyList<RegionFigures>> AcrossRegionsAsync(CancellationToken ct)
    {
        if ((await scope.AdvisorRegionsAsync(ct)).Count == 0) throw new Platform.Audit.NotFoundException();
        var regions = await db.Set<Region>().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var phases = await db.Set<Candidate>().GroupBy(c => new { c.RegionId, c.Phase }).Select(g => new { g.Key.RegionId, g.Key.Phase, N = g.Count() }).ToListAsync(ct);
        var sectors = await db.Set<Candidate>().GroupBy(c => c.RegionId)
            .Select(g => new { RegionId = g.Key, Po = g.Count(c => c.InterestPo), Vo = g.Count(c => c.InterestVo), Mbo = g.Count(c => c.InterestMbo) }).ToListAsync(ct);
        var attendance = await db.Set<ActivityRegistration>().Join(db.Set<Activity>(), r => r.ActivityId, a => a.Id, (r, a) => new { a.RegionId, r.Status })
            .GroupBy(x => x.RegionId).Select(g => new { RegionId = g.Key, N = g.Count(), Attended = g.Count(x => x.Status == AttendanceStatus.Attended) }).ToListAsync(ct);
        return regions.Select(r =>
        {
            var s = sectors.FirstOrDefault(x => x.RegionId == r.Id);
            var a = attendance.FirstOrDefault(x => x.RegionId == r.Id);
            var perPhase = Enum.GetValues<Phase>().Select(p => phases.Where(x => x.RegionId == r.Id && x.Phase == p).Sum(x => x.N)).ToList();
            return new RegionFigures(r.Id, r.Name, perPhase.Sum(), perPhase, s?.Po ?? 0, s?.Vo ?? 0, s?.Mbo ?? 0, a?.N ?? 0, a?.Attended ?? 0);
        }).ToList();
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
