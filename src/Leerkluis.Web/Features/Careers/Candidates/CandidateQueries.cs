using Leerkluis.Web.Features.Careers.Intake;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Candidates;

/// <summary>Filters of the candidate list (query string names are the API's and the page's).</summary>
public sealed record CandidateSearch(
    string? Q = null, string? Subject = null, Sector? Sector = null, Phase? Phase = null, Guid? RegionId = null,
    Guid? OwnerId = null, DateOnly? AvailableBy = null, int Page = 1, int PageSize = 50);

public sealed record CandidateRow(Guid Id, string FirstName, string LastName, string? Email, string? Phone, Guid RegionId, string RegionName,
    Phase Phase, string? OwnerName, IReadOnlyList<string> Subjects, bool Po, bool Vo, bool Mbo, DateOnly? AvailableFrom, int? HoursPerWeek,
    bool HasConsent, DateTime CreatedUtc);

public sealed record CandidatePage(IReadOnlyList<CandidateRow> Rows, int Total, int Page, int PageSize);

public sealed record HistoryEntry(DateTime AtUtc, string Author, string What, ContactKind? Kind);
public sealed record TaskView(Guid Id, string Title, string OwnerName, DateOnly? DueDate, bool Done);
public sealed record IntakeView(Guid Id, DateTime ReceivedUtc, IntakeStatus Status, string Name, string Email, string? Phone, string? Message, string? MatchReasons);
public sealed record DuplicateView(Guid Id, string Name, string? Email, string RegionName, Phase Phase, IReadOnlyList<string> Reasons);

public sealed record CandidateCard(CandidateRow Summary, Candidate Details, IReadOnlyList<string> SharedWith, IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<TaskView> Tasks, IReadOnlyList<IntakeView> Intakes);

public sealed record RegionView(Guid Id, string Name);

/// <summary>Reads for advisors: list with filters, pipeline board, card with history, duplicates.</summary>
public sealed class CandidateQueries(LeerkluisDb db, CareerScope scope)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<RegionView>> MyRegionsAsync(CancellationToken ct)
    {
        var ids = await scope.AdvisorRegionsAsync(ct);
        return await db.Set<Region>().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Name).Select(r => new RegionView(r.Id, r.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RegionView>> AllRegionsAsync(CancellationToken ct) =>
        await db.Set<Region>().OrderBy(r => r.Name).Select(r => new RegionView(r.Id, r.Name)).ToListAsync(ct);

    public async Task<IQueryable<Candidate>> FilteredAsync(CandidateSearch s, CancellationToken ct)
    {
        var q = await scope.VisibleAsync(ct);
        if (!string.IsNullOrWhiteSpace(s.Q))
        {
            var text = s.Q.Trim().ToLowerInvariant();
            if (text.Length > 100) text = text[..100];
            q = q.Where(c => c.SearchText.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(s.Subject)) q = q.Where(c => c.Subjects.Contains(s.Subject));
        q = s.Sector switch
        {
            Sector.Po => q.Where(c => c.InterestPo),
            Sector.Vo => q.Where(c => c.InterestVo),
            Sector.Mbo => q.Where(c => c.InterestMbo),
            _ => q,
        };
        if (s.Phase is { } phase) q = q.Where(c => c.Phase == phase);
        if (s.RegionId is { } region) q = q.Where(c => c.RegionId == region);
        if (s.OwnerId is { } owner) q = q.Where(c => c.OwnerUserId == owner);
        if (s.AvailableBy is { } by) q = q.Where(c => c.AvailableFrom != null && c.AvailableFrom <= by);
        return q;
    }

    public async Task<CandidatePage> SearchAsync(CandidateSearch s, CancellationToken ct)
    {
        var q = await FilteredAsync(s, ct);
        var size = Math.Clamp(s.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, s.Page);
        var total = await q.CountAsync(ct);
        var rows = await Project(q.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new CandidatePage(rows, total, page, size);
    }

    /// <summary>Everything matching the filters, for the export (no paging).</summary>
    public async Task<IReadOnlyList<CandidateRow>> ExportAsync(CandidateSearch s, CancellationToken ct) =>
        await Project((await FilteredAsync(s, ct)).OrderBy(c => c.LastName).ThenBy(c => c.FirstName)).ToListAsync(ct);

    /// <summary>The pipeline board: per phase the candidates (newest in the phase first), at most <paramref name="perPhase"/> each.</summary>
    public async Task<IReadOnlyDictionary<Phase, (int Total, IReadOnlyList<CandidateRow> Rows)>> BoardAsync(CandidateSearch s, int perPhase, CancellationToken ct)
    {
        var q = await FilteredAsync(s with { Phase = null }, ct);
        var counts = await q.GroupBy(c => c.Phase).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var result = new Dictionary<Phase, (int, IReadOnlyList<CandidateRow>)>();
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var rows = await Project(q.Where(c => c.Phase == phase).OrderByDescending(c => c.PhaseSinceUtc).Take(perPhase)).ToListAsync(ct);
            result[phase] = (counts.GetValueOrDefault(phase), rows);
        }
        return result;
    }

    public async Task<CandidateCard> CardAsync(Guid id, CancellationToken ct)
    {
        var c = await scope.CandidateAsync(id, work: false, ct);
        var summary = await Project(db.Set<Candidate>().Where(x => x.Id == id)).FirstAsync(ct);
        var shared = await db.Set<CandidateShare>().Where(s => s.CandidateId == id)
            .Join(db.Set<Region>(), s => s.RegionId, r => r.Id, (s, r) => r.Name).ToListAsync(ct);
        var phases = await db.Set<PhaseChange>().Where(p => p.CandidateId == id).ToListAsync(ct);
        var contacts = await db.Set<ContactMoment>().Where(m => m.CandidateId == id).ToListAsync(ct);
        var history = phases.Select(p => new HistoryEntry(p.AtUtc, p.AuthorName,
                p.From is null ? $"Ingeschreven in fase {CareerCodes.PhaseLabel(p.To)}" : $"Fase {CareerCodes.PhaseLabel(p.From.Value)} → {CareerCodes.PhaseLabel(p.To)}", null))
            .Concat(contacts.Select(m => new HistoryEntry(m.AtUtc, m.AuthorName, m.Summary, m.Kind)))
            .OrderByDescending(h => h.AtUtc).ToList();
        var tasks = await db.Set<CandidateTask>().Where(t => t.CandidateId == id).OrderBy(t => t.DoneUtc != null).ThenBy(t => t.DueDate)
            .Select(t => new TaskView(t.Id, t.Title, t.OwnerName, t.DueDate, t.DoneUtc != null)).ToListAsync(ct);
        var intakes = (await db.Set<IntakeSubmission>().Where(s => s.CandidateId == id).ToListAsync(ct))
            .OrderByDescending(s => s.ReceivedUtc)
            .Select(s => new IntakeView(s.Id, s.ReceivedUtc, s.Status, $"{s.FirstName} {s.LastName}", s.Email, s.Phone, s.Message, s.MatchReasons)).ToList();
        return new CandidateCard(summary, c, shared, history, tasks, intakes);
    }

    /// <summary>Other candidates the advisor may see who are the same person by CandidateDuplicates.</summary>
    public async Task<IReadOnlyList<DuplicateView>> DuplicatesAsync(Guid id, CancellationToken ct)
    {
        var c = await scope.CandidateAsync(id, work: true, ct);
        var keys = new CandidateDuplicates.Keys(c.EmailKey, c.PhoneKey, c.NameBirthKey);
        var visible = await scope.VisibleAsync(ct);
        var found = await visible.Where(x => x.Id != id &&
                ((keys.Email != null && x.EmailKey == keys.Email) || (keys.Phone != null && x.PhoneKey == keys.Phone) || (keys.NameBirth != null && x.NameBirthKey == keys.NameBirth)))
            .Join(db.Set<Region>(), x => x.RegionId, r => r.Id, (x, r) => new { x.Id, x.FirstName, x.LastName, x.Email, x.EmailKey, x.PhoneKey, x.NameBirthKey, x.Phase, Region = r.Name })
            .ToListAsync(ct);
        return found.Select(x => new DuplicateView(x.Id, $"{x.FirstName} {x.LastName}", x.Email, x.Region, x.Phase,
            CandidateDuplicates.Reasons(keys, new CandidateDuplicates.Keys(x.EmailKey, x.PhoneKey, x.NameBirthKey)))).ToList();
    }

    /// <summary>Candidates the advisor may see who would be duplicates of a person not yet saved (the warning before creating).</summary>
    public async Task<IReadOnlyList<DuplicateView>> PossibleDuplicatesAsync(CandidateProfile p, CancellationToken ct)
    {
        var keys = CandidateDuplicates.KeysFor(p.Email, p.Phone, p.FirstName, p.LastName, p.BirthDate);
        if (keys.Email is null && keys.Phone is null && keys.NameBirth is null) return [];
        var visible = await scope.VisibleAsync(ct);
        var found = await visible.Where(x => (keys.Email != null && x.EmailKey == keys.Email) || (keys.Phone != null && x.PhoneKey == keys.Phone) || (keys.NameBirth != null && x.NameBirthKey == keys.NameBirth))
            .Join(db.Set<Region>(), x => x.RegionId, r => r.Id, (x, r) => new { x.Id, x.FirstName, x.LastName, x.Email, x.EmailKey, x.PhoneKey, x.NameBirthKey, x.Phase, Region = r.Name })
            .Take(20).ToListAsync(ct);
        return found.Select(x => new DuplicateView(x.Id, $"{x.FirstName} {x.LastName}", x.Email, x.Region, x.Phase,
            CandidateDuplicates.Reasons(keys, new CandidateDuplicates.Keys(x.EmailKey, x.PhoneKey, x.NameBirthKey)))).ToList();
    }

    private IQueryable<CandidateRow> Project(IQueryable<Candidate> q) =>
        q.Join(db.Set<Region>(), c => c.RegionId, r => r.Id, (c, r) => new CandidateRow(c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.RegionId, r.Name,
            c.Phase, c.OwnerName, c.Subjects, c.InterestPo, c.InterestVo, c.InterestMbo, c.AvailableFrom, c.HoursPerWeek,
            c.ConsentUtc != null && c.ConsentWithdrawnUtc == null, c.CreatedUtc));
}
