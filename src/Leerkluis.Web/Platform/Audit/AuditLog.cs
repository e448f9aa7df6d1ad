using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// Adds audit entries to the current unit of work, so they commit in the same transaction as the work
/// they describe. The caller's SaveChanges writes them.
/// </summary>
public sealed class AuditLog(LeerkluisDb db, TimeProvider clock)
{
    private readonly Dictionary<Guid, AuditEntry> _pendingHeads = new();

    public async Task<AuditEntry> AddAsync(Actor actor, Guid learnerId, Section section, Operation operation,
        Decision decision, string action, CancellationToken ct = default)
    {
        if (!_pendingHeads.TryGetValue(learnerId, out var previous))
        {
            previous = await db.AuditEntries.AsNoTracking().Where(a => a.LearnerId == learnerId)
                .OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new AuditEntry
        {
            LearnerId = learnerId,
            Sequence = (previous?.Sequence ?? 0) + 1,
            // PostgreSQL keeps microseconds: hash the time the database gives back, or VerifyAsync calls the entry altered.
            AtUtc = now.AddTicks(-(now.Ticks % 10)),
            ActorUserId = actor.UserId,
            ActorRole = actor.Role,
            OrganisationId = actor.SchoolId,
            Basis = decision.Basis,
            Section = section,
            Operation = operation,
            Allowed = decision.Allowed,
            Action = action,
            ClientAddress = actor.ClientAddress,
            PreviousHash = previous?.Hash ?? AuditEntry.GenesisHash,
            Hash = "",
        };
        entry.Hash = entry.ComputeHash();
        db.AuditEntries.Add(entry);
        _pendingHeads[learnerId] = entry;
        return entry;
    }

    /// <summary>Checks every chain; returns the first entry that does not fit, or null when all hold.</summary>
    public async Task<string?> VerifyAsync(CancellationToken ct = default)
    {
        Guid? learner = null;
        AuditEntry? prev = null;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.LearnerId).ThenBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.LearnerId != learner) { learner = e.LearnerId; prev = null; }
            var expectedSeq = (prev?.Sequence ?? 0) + 1;
            var expectedPrev = prev?.Hash ?? AuditEntry.GenesisHash;
            if (e.Sequence != expectedSeq) return $"learner {e.LearnerId}: entry {expectedSeq} is missing (found {e.Sequence})";
            if (e.PreviousHash != expectedPrev || e.ComputeHash() != e.Hash) return $"learner {e.LearnerId}: entry {e.Sequence} was altered";
            prev = e;
        }
        return null;
    }
}

/// <summary>
/// The guard every dossier use case calls: decide, audit (allowed or not), and answer "not found" on denial.
/// </summary>
public sealed class DossierGuard(AccessDecision access, AuditLog audit, CurrentActor current, LeerkluisDb db)
{
    public Actor Actor => current.Value;

    /// <summary>Decides and records; on denial saves the failed attempt and throws <see cref="NotFoundException"/>.</summary>
    public async Task<Decision> RequireAsync(Guid learnerId, Section section, Operation operation, string action,
        CancellationToken ct = default)
    {
        var decision = await access.DecideAsync(current.Value, learnerId, section, operation, ct);
        if (!decision.Allowed)
        {
            // A failed attempt on an existing dossier is audited too; unknown ids leave no trace.
            if (await db.Learners.AnyAsync(l => l.Id == learnerId, ct))
            {
                await audit.AddAsync(current.Value, learnerId, section, operation, decision, action, ct);
                await db.SaveChangesAsync(ct);
            }
            throw new NotFoundException();
        }
        await audit.AddAsync(current.Value, learnerId, section, operation, decision, action, ct);
        return decision;
    }

    /// <summary>For reads: decide, and commit the audit entry before the data is returned.</summary>
    public async Task<Decision> ReadAsync(Guid learnerId, Section section, string action, CancellationToken ct = default)
    {
        var decision = await RequireAsync(learnerId, section, Operation.Read, action, ct);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>Same decision without throwing or auditing: to decide whether to show a part of a page.</summary>
    public Task<Decision> PeekAsync(Guid learnerId, Section section, Operation operation, CancellationToken ct = default) =>
        access.DecideAsync(current.Value, learnerId, section, operation, ct);
}

/// <summary>Answered as 404: the thing does not exist or the caller may not know it does.</summary>
public sealed class NotFoundException() : Exception("Not found");
