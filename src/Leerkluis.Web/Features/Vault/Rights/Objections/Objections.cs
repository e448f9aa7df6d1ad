using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Rights.Objections;

public sealed record ObjectionCommand(string? Purpose);
public sealed record PurposeState(string Purpose, string Name, string Description, bool Objected, DateTime? ObjectedUtc);
public sealed record Classmate(string Name);
public sealed record GroupObjectionRow(Guid LearnerId, string Name, IReadOnlyList<string> Purposes);
public sealed record GroupObjections(Guid GroupId, string GroupName, IReadOnlyList<PurposeInfo> Purposes, IReadOnlyList<GroupObjectionRow> Learners);

/// <summary>
/// Objection to optional processing: the family records or withdraws it per purpose; the school sees it per
/// group; the class list for other parents leaves out children whose family objected. Objections are part of the
/// Personalia section (they govern how the child's name and picture are used).
/// </summary>
public sealed class Objections(LeerkluisDb db, RightsAccess rights, DossierGuard guard, TimeProvider clock)
{
    private DbSet<Objection> Set => db.Set<Objection>();

    public async Task<IReadOnlyList<PurposeState>> ForLearnerAsync(Guid learnerId, CancellationToken ct = default)
    {
        await guard.ReadAsync(learnerId, Section.Personalia, AuditEvent.Rights_Objections, ct);
        var active = await Set.AsNoTracking().Where(o => o.LearnerId == learnerId && o.WithdrawnUtc == null).ToListAsync(ct);
        return ProcessingPurposes.All.Select(p =>
        {
            var o = active.FirstOrDefault(a => a.Purpose == p.Purpose);
            return new PurposeState(p.Purpose.ToString(), p.Name, p.Description, o is not null, o?.ObjectedUtc);
        }).ToList();
    }

    /// <summary>Records an objection; objecting again to the same purpose changes nothing (idempotent).</summary>
    public async Task ObjectAsync(Guid learnerId, ObjectionCommand c, CancellationToken ct = default)
    {
        var holder = await rights.RequireAsync(learnerId, Right.Objection, AuditEvent.Rights_Objected, ct);
        var purpose = Parse(c.Purpose);
        if (await Set.AnyAsync(o => o.LearnerId == learnerId && o.Purpose == purpose && o.WithdrawnUtc == null, ct)) return;
        Set.Add(new Objection
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), Purpose = purpose,
            ObjectedUtc = clock.GetUtcNow().UtcDateTime, ObjectedByUserId = holder.UserId,
        });
        await guard.RecordAsync(learnerId, Section.Personalia, Operation.Write, holder.Decision, AuditEvent.Rights_Objected, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(Guid learnerId, ObjectionCommand c, CancellationToken ct = default)
    {
        var holder = await rights.RequireAsync(learnerId, Right.Objection, AuditEvent.Rights_ObjectionWithdrawn, ct);
        var purpose = Parse(c.Purpose);
        var active = await Set.Where(o => o.LearnerId == learnerId && o.Purpose == purpose && o.WithdrawnUtc == null).ToListAsync(ct);
        if (active.Count == 0) return;
        foreach (var o in active)
        {
            o.WithdrawnUtc = clock.GetUtcNow().UtcDateTime;
            o.WithdrawnByUserId = holder.UserId;
        }
        await guard.RecordAsync(learnerId, Section.Personalia, Operation.Write, holder.Decision, AuditEvent.Rights_ObjectionWithdrawn, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The class list for the family: classmates in the child's group of this school year, by name only, leaving
    /// out every child whose family objected to the class list. Reading it is a read of the child's Group section.
    /// </summary>
    public async Task<IReadOnlyList<Classmate>> ClassmatesAsync(Guid learnerId, CancellationToken ct = default)
    {
        var decision = await guard.ReadAsync(learnerId, Section.Group, AuditEvent.Rights_Classmates, ct);
        if (decision.Relation is not (Relation.Guardian or Relation.Self)) throw new NotFoundException();
        var year = SchoolYear.Containing(Amsterdam.Today(clock)).StartYear;
        var groupIds = await db.GroupMemberships.AsNoTracking().Where(m => m.LearnerId == learnerId)
            .Join(db.Groups.Where(g => g.SchoolYearStart == year), m => m.GroupId, g => g.Id, (m, g) => g.Id).ToListAsync(ct);
        var objected = Set.Where(o => o.Purpose == ProcessingPurpose.ClassList && o.WithdrawnUtc == null).Select(o => o.LearnerId);
        var names = await db.GroupMemberships.AsNoTracking()
            .Where(m => groupIds.Contains(m.GroupId) && m.LearnerId != learnerId && !objected.Contains(m.LearnerId))
            .Join(db.Learners, m => m.LearnerId, l => l.Id, (m, l) => new { l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName })
            .ToListAsync(ct);
        return names.DistinctBy(n => n.Id).OrderBy(n => n.CallName ?? n.FirstNames).ThenBy(n => n.LastName)
            .Select(n => new Classmate(PersonName.Format(n.CallName ?? n.FirstNames, n.Prefix, n.LastName))).ToList();
    }

    /// <summary>For the school: per learner of a group (that the reader may see), the purposes objected to.</summary>
    public async Task<GroupObjections> ForGroupAsync(Guid groupId, CancellationToken ct = default)
    {
        var actor = guard.Actor;
        if (!actor.IsStaff || actor.SchoolId is not { } schoolId) throw new NotFoundException();
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.SchoolId == schoolId, ct) ?? throw new NotFoundException();
        var members = await db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == groupId)
            .Join(db.Learners, m => m.LearnerId, l => l.Id, (m, l) => new { l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName }).ToListAsync(ct);
        var rows = new List<GroupObjectionRow>();
        foreach (var m in members.DistinctBy(m => m.Id).OrderBy(m => m.LastName).ThenBy(m => m.FirstNames))
        {
            if (!(await guard.PeekAsync(m.Id, Section.Personalia, Operation.Read, ct)).Allowed) continue;
            await guard.RequireAsync(m.Id, Section.Personalia, Operation.Read, AuditEvent.Rights_ObjectionsOverview, ct);
            var purposes = await Set.AsNoTracking().Where(o => o.LearnerId == m.Id && o.WithdrawnUtc == null).Select(o => o.Purpose).ToListAsync(ct);
            rows.Add(new GroupObjectionRow(m.Id, PersonName.Format(m.CallName ?? m.FirstNames, m.Prefix, m.LastName),
                purposes.Distinct().Order().Select(p => p.ToString()).ToList()));
        }
        await db.SaveChangesAsync(ct);
        return new GroupObjections(group.Id, group.Name, ProcessingPurposes.All, rows);
    }

    private static ProcessingPurpose Parse(string? code) => ProcessingPurposes.Parse(code)
        ?? throw ValidationFailedException.For("purpose",
            $"Onbekend doel '{code}'. Kies uit: {string.Join(", ", ProcessingPurposes.All.Select(p => $"{p.Purpose} ({p.Name})"))}.");
}
