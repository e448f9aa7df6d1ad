using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// Adds audit entries to the current unit of work, so they commit in the same transaction as the work
/// they describe. The caller's SaveChanges writes them; <see cref="AuditChainInterceptor"/> gives them their
/// place in the learner's chain at that moment (ADR 0004). There is no path that changes or deletes an entry.
/// </summary>
public sealed class AuditLog(LeerkluisDb db, TimeProvider clock)
{
    private long _provisional;

    public Task<AuditEntry> AddAsync(Actor actor, Guid learnerId, Section section, Operation operation,
        Decision decision, string action, CancellationToken ct = default)
    {
        var entry = new AuditEntry
        {
            LearnerId = learnerId,
            // Provisional and unique within this unit of work; sealed on save.
            Sequence = --_provisional,
            AtUtc = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
            ActorUserId = actor.UserId,
            ActorRole = actor.Role,
            OrganisationId = actor.SchoolId ?? actor.OrganisationId,
            Basis = decision.Basis,
            Section = section,
            Operation = operation,
            Allowed = decision.Allowed,
            Action = action,
            ClientAddress = actor.ClientAddress,
            PreviousHash = "",
            Hash = "",
        };
        db.AuditEntries.Add(entry);
        return Task.FromResult(entry);
    }

    // PostgreSQL stores microseconds: the hashed time must survive the round trip unchanged.
    private static DateTime TruncateToMicroseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    /// <summary>Checks every chain, the live heads and the last checkpoint; returns the first problem, or null when all hold.</summary>
    public Task<string?> VerifyAsync(CancellationToken ct = default) => AuditVerifier.VerifyAsync(db, ct);
}

/// <summary>
/// The guard every dossier use case calls: decide, audit (allowed or not), and answer "not found" on denial.
/// A decision is taken once per request for each (learner, section, operation) and reused: a learner card asks
/// about five sections twice (peek, then require) and must not ask the database ten times.
/// </summary>
public sealed class DossierGuard(AccessDecision access, AuditLog audit, CurrentActor current, LeerkluisDb db, AuditReadCommitter reads,
    ILearnerRelations relations)
{
    private readonly Dictionary<(Actor, Guid, Section, Operation), Decision> _decided = new();

    public Actor Actor => current.Value;

    /// <summary>Decides and records; on denial saves the failed attempt and throws <see cref="NotFoundException"/>.</summary>
    public async Task<Decision> RequireAsync(Guid learnerId, Section section, Operation operation, string action,
        CancellationToken ct = default)
    {
        var decision = await DecideAsync(learnerId, section, operation, ct);
        if (!decision.Allowed)
        {
            // A failed attempt on an existing dossier is audited too; unknown ids leave no trace.
            if (await relations.LearnerExistsAsync(learnerId, ct))
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
        await CommitReadsAsync(ct);
        return decision;
    }

    /// <summary>
    /// Commits the audit entries added so far, before the data they describe is returned. When they are all the unit
    /// of work holds (a read), they go with other requests' reads in one shared commit (<see cref="AuditReadCommitter"/>);
    /// with other changes pending, or inside a caller's transaction, the unit of work saves itself.
    /// </summary>
    public async Task CommitReadsAsync(CancellationToken ct = default)
    {
        var pending = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged && e.State != EntityState.Detached).ToList();
        if (pending.Count == 0) return;
        if (db.Database.CurrentTransaction is not null || pending.Any(e => e.State != EntityState.Added || e.Entity is not AuditEntry))
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        // In the order they were added (provisional sequences -1, -2, ...), as a save would seal them.
        var entries = pending.Select(e => (AuditEntry)e.Entity).OrderByDescending(e => e.Sequence).ToList();
        foreach (var e in pending) e.State = EntityState.Detached;
        await reads.CommitAsync(entries);
    }

    /// <summary>Same decision without throwing or auditing: to decide whether to show a part of a page.</summary>
    public Task<Decision> PeekAsync(Guid learnerId, Section section, Operation operation, CancellationToken ct = default) =>
        DecideAsync(learnerId, section, operation, ct);

    private async Task<Decision> DecideAsync(Guid learnerId, Section section, Operation operation, CancellationToken ct)
    {
        var key = (current.Value, learnerId, section, operation);
        if (_decided.TryGetValue(key, out var known)) return known;
        var decision = await access.DecideAsync(current.Value, learnerId, section, operation, ct);
        _decided[key] = decision;
        return decision;
    }
}

/// <summary>Answered as 404: the thing does not exist or the caller may not know it does.</summary>
public sealed class NotFoundException() : Exception("Not found");
