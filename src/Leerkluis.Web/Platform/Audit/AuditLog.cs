using Microsoft.Extensions.DependencyInjection.Extensions;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// Adds audit entries to the current unit of work. Only <see cref="DossierGuard"/> calls it (an architecture test says so):
/// every entry carries a decision the access decision took.
/// Entries go into the current unit of work, so they commit in the same transaction as the work
/// they describe. The caller's SaveChanges writes them; <see cref="AuditChainInterceptor"/> gives them their
/// place in the learner's chain at that moment (ADR 0004). There is no path that changes or deletes an entry.
/// </summary>
public sealed class AuditLog(LeerkluisDb db, TimeProvider clock)
{
    private long _provisional;

    public Task<AuditEntry> AddAsync(Actor actor, Guid learnerId, Section section, Operation operation,
        Decision decision, AuditEvent action, CancellationToken ct = default)
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
            Action = action.Code(),
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
/// about five sections twice (peek, then require) and must not ask the database ten times. It is the only way into
/// <see cref="AuditLog"/>: every entry names an <see cref="AuditEvent"/> and carries a decision of <see cref="AccessDecision"/>.
/// </summary>
public sealed class DossierGuard(AccessDecision access, AuditLog audit, CurrentActor current, LeerkluisDb db, AuditReadCommitter reads,
    ILearnerRelations relations)
{
    private readonly Dictionary<(Actor, Guid, Section, Operation), Decision> _decided = new();

    public Actor Actor => current.Value;

    /// <summary>Decides and records; on denial saves the failed attempt and throws <see cref="NotFoundException"/>.</summary>
    public async Task<Decision> RequireAsync(Guid learnerId, Section section, Operation operation, AuditEvent action,
        CancellationToken ct = default)
    {
        var decision = await DecideAsync(learnerId, section, operation, ct);
        if (!decision.Allowed) await RefuseAsync(learnerId, section, operation, action, ct); // throws
        await WriteAsync(learnerId, section, operation, decision, action, ct);
        return decision;
    }

    /// <summary>For reads: decide, and commit the audit entry before the data is returned.</summary>
    public async Task<Decision> ReadAsync(Guid learnerId, Section section, AuditEvent action, CancellationToken ct = default)
    {
        var decision = await RequireAsync(learnerId, section, Operation.Read, action, ct);
        await CommitReadsAsync(ct);
        return decision;
    }

    /// <summary>
    /// Records an act whose right rests on a decision this guard took for the same learner in this request, about another
    /// section or operation (a family's objection rests on their read of the personalia, a care coordinator handling a
    /// signal on their read of the absence). Any other decision is a programming error.
    /// </summary>
    public async Task RecordAsync(Guid learnerId, Section section, Operation operation, Decision decision, AuditEvent action,
        CancellationToken ct = default)
    {
        if (!decision.Allowed || !_decided.Any(d => d.Key.Item1 == current.Value && d.Key.Item2 == learnerId && ReferenceEquals(d.Value, decision)))
            throw new InvalidOperationException($"{action}: the decision was not taken by this guard for this learner.");
        await WriteAsync(learnerId, section, operation, decision, action, ct);
    }

    /// <summary>
    /// Records a refused attempt on an existing learner (unknown ids leave no trace), saves it and throws
    /// <see cref="NotFoundException"/>: for use cases that refuse on a rule of their own after asking the guard.
    /// </summary>
    public async Task RefuseAsync(Guid learnerId, Section section, Operation operation, AuditEvent action, CancellationToken ct = default)
    {
        if (await relations.LearnerExistsAsync(learnerId, ct))
        {
            await WriteAsync(learnerId, section, operation, Decision.Deny, action, ct);
            await db.SaveChangesAsync(ct);
        }
        throw new NotFoundException();
    }

    /// <summary>Whether the actor may do the school's registry work at this school (<see cref="AccessDecision.DecideAtSchool"/>); 404 otherwise.</summary>
    public void RequireAtSchool(Guid schoolId, Section section, Operation operation)
    {
        if (!AccessDecision.DecideAtSchool(current.Value, schoolId, section, operation).Allowed) throw new NotFoundException();
    }

    /// <summary>
    /// Decides and records the school's registry work on a learner it enrols in this unit of work, or selected by its own
    /// enrolments (<see cref="AccessDecision.DecideAtSchool"/>); 404 when the actor may not.
    /// </summary>
    public async Task<Decision> RequireAtSchoolAsync(Guid schoolId, Guid learnerId, Section section, Operation operation, AuditEvent action,
        CancellationToken ct = default)
    {
        var decision = AccessDecision.DecideAtSchool(current.Value, schoolId, section, operation);
        if (!decision.Allowed) throw new NotFoundException();
        await WriteAsync(learnerId, section, operation, decision, action, ct);
        return decision;
    }

    /// <summary>
    /// Decides and records an attendance officer's work on a leerplicht case of a registered learner, by the case's
    /// municipality (<see cref="AccessDecision.DecideInMunicipality"/>); a refusal is recorded and answered as 404.
    /// </summary>
    public async Task<Decision> RequireInMunicipalityAsync(string municipalityCode, Guid learnerId, Section section, Operation operation,
        AuditEvent action, CancellationToken ct = default)
    {
        var decision = AccessDecision.DecideInMunicipality(current.Value, municipalityCode, section, operation);
        if (!decision.Allowed) await RefuseAsync(learnerId, section, operation, action, ct); // throws
        await WriteAsync(learnerId, section, operation, decision, action, ct);
        return decision;
    }

    /// <summary>
    /// Records the work of a system rule (the absence rule, the leerplicht sweep, guardian alerts) on the basis
    /// <see cref="SystemAccess"/> gives it; the current actor (the job, or the person who started the rule) is recorded.
    /// A rule acting outside its cells is a programming error.
    /// </summary>
    public async Task RecordRuleAsync(SystemActor rule, Guid learnerId, Section section, Operation operation, AuditEvent action,
        CancellationToken ct = default)
    {
        var decision = AccessDecision.DecideForSystem(rule, section, operation);
        if (!decision.Allowed) throw new InvalidOperationException($"{rule} may not {operation} {section} ({action}).");
        await WriteAsync(learnerId, section, operation, decision, action, ct);
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

    /// <summary>The guard's one write to the audit log: the current actor, the decision taken and the typed event.</summary>
    private Task<AuditEntry> WriteAsync(Guid learnerId, Section section, Operation operation, Decision decision, AuditEvent action,
        CancellationToken ct) => audit.AddAsync(current.Value, learnerId, section, operation, decision, action, ct);
}

/// <summary>Answered as 404: the thing does not exist or the caller may not know it does.</summary>
public sealed class NotFoundException() : Exception("Not found");

public static class DossierGuardSetup
{
    /// <summary>The guard and what it needs, for hosts that do not take the whole platform (the Edexml command line).</summary>
    public static IServiceCollection AddDossierGuard(this IServiceCollection services)
    {
        services.AddScoped<AccessDecision>();
        // Replaced by the Vault's consent answers where the Vault is registered (the web host); fails closed elsewhere.
        services.TryAddScoped<IConsentGrants, NoConsentGrants>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DossierGuard>();
        services.AddSingleton<AuditReadCommitter>();
        return services;
    }
}
