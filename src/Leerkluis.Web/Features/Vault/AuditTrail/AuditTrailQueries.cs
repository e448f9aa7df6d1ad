using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

/// <summary>
/// Filters of a trail. Days are Europe/Amsterdam days, both inclusive. Reads of the trail itself
/// (Section.AuditTrail) are recorded but hidden unless asked for, or unless that section is chosen.
/// </summary>
public sealed record TrailFilter(DateOnly? From = null, DateOnly? To = null, Section? Section = null, bool IncludeTrailReads = false,
    int Page = 1, int PageSize = 25);

/// <summary>One look at or change of a dossier, described for people: names, not ids.</summary>
public sealed record TrailRow(DateTime AtUtc, string? ActorName, string? ActorRole, string? Organisation, Guid? LearnerId, string? LearnerName,
    Section Section, Operation Operation, Basis Basis, bool Allowed, string? Action, string? ClientAddress);

public sealed record TrailPage(IReadOnlyList<TrailRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The audit trail, three ways (ACCESS.md "Own audit trail"): a learner's dossier for the learner and guardians
/// (through the access decision, Section.AuditTrail, and itself recorded), a person's own actions, and a school
/// admin's school (entries made by the school's staff). The last two read the actor's own or their school's
/// records, not a dossier, so they are guarded by role and school and not recorded per learner: that would write
/// one entry per row shown, and each would appear in the same trail again.
/// </summary>
public sealed class AuditTrailQueries(LeerkluisDb db, DossierGuard guard, CurrentActor current)
{
    public const AuditEvent TrailAction = AuditEvent.Vault_AuditTrail;
    /// <summary>Stored codes of the events a family does not read (<see cref="EventLabel.Hidden"/>).</summary>
    private static readonly List<string> HiddenFromFamilies =
        TrailLabels.Events.Where(e => e.Value.HiddenBecause is not null).Select(e => e.Key.Code()).ToList();
    public const int MaxPageSize = 200;
    public const int MaxExportRows = 100_000;

    public async Task<TrailPage> LearnerAsync(Guid learnerId, TrailFilter filter, CancellationToken ct = default)
    {
        var peek = await guard.PeekAsync(learnerId, Section.AuditTrail, Operation.Read, ct);
        // Staff read their own actions and their school's trail, not a learner's whole trail (other organisations' looks included).
        if (peek.Allowed && peek.Relation is not (Relation.Self or Relation.Guardian)) throw new NotFoundException();
        Check(filter);
        await guard.ReadAsync(learnerId, Section.AuditTrail, TrailAction, ct);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.LearnerId == learnerId);
        if (HiddenFromFamilies.Count > 0) entries = entries.Where(a => a.Action == null || !HiddenFromFamilies.Contains(a.Action));
        return await PageAsync(Filter(entries, filter), filter, withLearner: false, withAddress: false, ct);
    }

    /// <summary>What the signed-in person did in any dossier (a teacher's, an officer's, a guardian's own actions).</summary>
    public async Task<TrailPage> MineAsync(TrailFilter filter, CancellationToken ct = default)
    {
        var userId = current.Value.UserId ?? throw new NotFoundException();
        Check(filter);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.ActorUserId == userId);
        return await PageAsync(Filter(entries, filter), filter, withLearner: true, withAddress: false, ct);
    }

    /// <summary>Everything the staff of the admin's school did in dossiers (entries recorded with the school as organisation).</summary>
    public async Task<TrailPage> SchoolAsync(TrailFilter filter, CancellationToken ct = default)
    {
        Check(filter);
        return await PageAsync(Filter(SchoolEntries(), filter), filter, withLearner: true, withAddress: true, ct);
    }

    /// <summary>The school trail with these filters, all pages, newest first (at most <see cref="MaxExportRows"/>).</summary>
    public async IAsyncEnumerable<TrailRow> SchoolExportAsync(TrailFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        Check(filter with { Page = 1, PageSize = 1 });
        var query = Order(Filter(SchoolEntries(), filter));
        const int chunk = 1000;
        for (var skip = 0; skip < MaxExportRows; skip += chunk)
        {
            var entries = await query.Skip(skip).Take(chunk).ToListAsync(ct);
            foreach (var row in await DescribeAsync(entries, withLearner: true, withAddress: true, ct)) yield return row;
            if (entries.Count < chunk) yield break;
        }
    }

    private IQueryable<AuditEntry> SchoolEntries()
    {
        var actor = current.Value;
        if (actor.Role != Roles.SchoolAdmin || actor.SchoolId is not { } schoolId) throw new NotFoundException();
        return db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == schoolId);
    }

    private static void Check(TrailFilter f)
    {
        var v = new Validation();
        if (f.From is { } from && f.To is { } to && to < from) v.Add("tot", "De einddatum ligt vóór de begindatum.");
        if (f.Page < 1) v.Add("pagina", "Het paginanummer moet 1 of hoger zijn.");
        if (f.PageSize is < 1 or > MaxPageSize) v.Add("perPagina", $"Het aantal per pagina moet tussen 1 en {MaxPageSize} liggen.");
        v.ThrowIfInvalid();
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> q, TrailFilter f)
    {
        if (f.From is { } from)
        {
            var fromUtc = DayStartUtc(from);
            q = q.Where(a => a.AtUtc >= fromUtc);
        }
        if (f.To is { } to)
        {
            var untilUtc = DayStartUtc(to.AddDays(1));
            q = q.Where(a => a.AtUtc < untilUtc);
        }
        if (f.Section is { } section) q = q.Where(a => a.Section == section);
        else if (!f.IncludeTrailReads) q = q.Where(a => a.Section != Section.AuditTrail);
        return q;
    }

    /// <summary>Midnight of an Amsterdam day, in UTC.</summary>
    public static DateTime DayStartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Amsterdam.Zone);

    private static IQueryable<AuditEntry> Order(IQueryable<AuditEntry> q) =>
        q.OrderByDescending(a => a.AtUtc).ThenBy(a => a.LearnerId).ThenByDescending(a => a.Sequence);

    private async Task<TrailPage> PageAsync(IQueryable<AuditEntry> q, TrailFilter f, bool withLearner, bool withAddress, CancellationToken ct)
    {
        var total = await q.CountAsync(ct);
        var entries = await Order(q).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new TrailPage(await DescribeAsync(entries, withLearner, withAddress, ct), total, f.Page, f.PageSize);
    }

    /// <summary>Names for the actors, their organisations and (for staff views) the learners of one page of entries.</summary>
    private async Task<IReadOnlyList<TrailRow>> DescribeAsync(List<AuditEntry> entries, bool withLearner, bool withAddress, CancellationToken ct)
    {
        var userIds = entries.Where(e => e.ActorUserId is not null).Select(e => e.ActorUserId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.StaffId, u.GuardianId, u.LearnerId }).ToDictionaryAsync(u => u.Id, ct);

        var staffIds = users.Values.Where(u => u.StaffId is not null).Select(u => u.StaffId!.Value).ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .Select(s => new { s.Id, s.FirstName, s.Prefix, s.LastName }).ToDictionaryAsync(s => s.Id, s => PersonName.Format(s.FirstName, s.Prefix, s.LastName), ct);
        var guardianIds = users.Values.Where(u => u.GuardianId is not null).Select(u => u.GuardianId!.Value).ToList();
        var guardians = await db.Guardians.AsNoTracking().Where(g => guardianIds.Contains(g.Id))
            .Select(g => new { g.Id, g.FirstName, g.Prefix, g.LastName }).ToDictionaryAsync(g => g.Id, g => PersonName.Format(g.FirstName, g.Prefix, g.LastName), ct);
        var learnerIds = users.Values.Where(u => u.LearnerId is not null).Select(u => u.LearnerId!.Value)
            .Concat(withLearner ? entries.Select(e => e.LearnerId) : []).Distinct().ToList();
        var learners = await db.Learners.AsNoTracking().Where(l => learnerIds.Contains(l.Id))
            .Select(l => new { l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName })
            .ToDictionaryAsync(l => l.Id, l => PersonName.Format(l.CallName ?? l.FirstNames, l.Prefix, l.LastName), ct);
        var orgIds = entries.Where(e => e.OrganisationId is not null).Select(e => e.OrganisationId!.Value).Distinct().ToList();
        var orgs = await db.Schools.AsNoTracking().Where(s => orgIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        foreach (var o in await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            orgs.TryAdd(o.Id, o.Name);

        string? ActorName(AuditEntry e)
        {
            if (e.ActorUserId is not { } id) return "Leerkluis";
            if (!users.TryGetValue(id, out var u)) return null;
            if (u.StaffId is { } s && staff.TryGetValue(s, out var sn)) return sn;
            if (u.GuardianId is { } g && guardians.TryGetValue(g, out var gn)) return gn;
            if (u.LearnerId is { } l && learners.TryGetValue(l, out var ln)) return ln;
            return u.DisplayName;
        }

        return entries.Select(e => new TrailRow(e.AtUtc, ActorName(e), e.ActorRole,
            e.OrganisationId is { } org && orgs.TryGetValue(org, out var on) ? on : null,
            withLearner ? e.LearnerId : null, withLearner && learners.TryGetValue(e.LearnerId, out var name) ? name : null,
            e.Section, e.Operation, e.Basis, e.Allowed, e.Action, withAddress ? e.ClientAddress : null)).ToList();
    }
}
