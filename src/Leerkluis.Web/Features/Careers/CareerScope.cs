using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers;

/// <summary>
/// The acting user's reach in the careers slice, read once per request: the regions of their desk, and the
/// candidate records they may see (via <see cref="CandidateAccess"/>). Unknown or not-mine answers NotFoundException.
/// </summary>
public sealed class CareerScope(LeerkluisDb db, CurrentActor current)
{
    private IReadOnlyList<Guid>? _regions;

    public Actor Actor => current.Value;

    public async Task<IReadOnlyList<Guid>> AdvisorRegionsAsync(CancellationToken ct = default)
    {
        if (_regions is not null) return _regions;
        var a = current.Value;
        _regions = a.Role == Roles.RegionalAdvisor && a.OrganisationId is { } org
            ? await db.Set<Region>().Where(r => r.DeskOrganisationId == org).Select(r => r.Id).ToListAsync(ct)
            : [];
        return _regions;
    }

    /// <summary>Candidates an advisor may see: of their regions, or shared with them.</summary>
    public async Task<IQueryable<Candidate>> VisibleAsync(CancellationToken ct = default)
    {
        var regions = await AdvisorRegionsAsync(ct);
        // The shared ids are read first and passed as constants: an OR with a correlated EXISTS makes PostgreSQL scan every
        // candidate of every region, while "region in (...) or id in (...)" uses the region index and the primary key.
        var shared = await db.Set<CandidateShare>().Where(s => regions.Contains(s.RegionId)).Select(s => s.CandidateId).ToListAsync(ct);
        var candidates = db.Set<Candidate>();
        return shared.Count == 0
            ? candidates.Where(c => regions.Contains(c.RegionId))
            : candidates.Where(c => regions.Contains(c.RegionId) || shared.Contains(c.Id));
    }

    /// <summary>The candidate if the actor may see it (work = an advisor's change); otherwise NotFoundException.</summary>
    public async Task<Candidate> CandidateAsync(Guid id, bool work, CancellationToken ct = default)
    {
        var candidate = await db.Set<Candidate>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        var shared = await db.Set<CandidateShare>().Where(s => s.CandidateId == id).Select(s => s.RegionId).ToListAsync(ct);
        var regions = await AdvisorRegionsAsync(ct);
        var allowed = work
            ? CandidateAccess.MayWork(regions.ToList(), candidate.RegionId, shared)
            : CandidateAccess.MaySee(regions.ToList(), current.Value.UserId, candidate.RegionId, shared, candidate.UserId);
        return allowed ? candidate : throw new NotFoundException();
    }

    /// <summary>The signed-in candidate's own record.</summary>
    public async Task<Candidate> MeAsync(CancellationToken ct = default)
    {
        var userId = current.Value.UserId ?? throw new NotFoundException();
        return await db.Set<Candidate>().FirstOrDefaultAsync(c => c.UserId == userId, ct) ?? throw new NotFoundException();
    }

    /// <summary>Name shown as author of history entries (kept as text: the history outlives accounts).</summary>
    public async Task<string> ActorNameAsync(CancellationToken ct = default)
    {
        var id = current.Value.UserId;
        if (id is null) return "Website";
        return await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "Onbekend";
    }
}
