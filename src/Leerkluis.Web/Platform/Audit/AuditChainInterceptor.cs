using System.Runtime.CompilerServices;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// Gives new audit entries their place in the learner's chain when the unit of work is saved, not when they are
/// added: the chain heads are locked first (PostgreSQL: SELECT ... FOR UPDATE on <see cref="AuditHead"/>;
/// SQLite: the one writer of BEGIN IMMEDIATE), so two requests for one learner take turns and neither fails
/// (ADR 0004). The lock lasts until the work's transaction commits; when the caller has none, one is opened here
/// and committed right after the save.
/// </summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    public static readonly AuditChainInterceptor Instance = new();

    private sealed class Sealing
    {
        public IDbContextTransaction? OwnTransaction;
        public bool SavepointsWere;
        public readonly List<(AuditEntry Entry, long Provisional)> Sealed = [];
    }

    private static readonly ConditionalWeakTable<DbContext, Sealing> Open = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LeerkluisDb db) await SealAsync(db, cancellationToken);
        return result;
    }

    // Every caller saves asynchronously; the synchronous path exists for completeness.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LeerkluisDb db) SealAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await EndAsync(db, committed: true, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db) EndAsync(db, committed: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await EndAsync(db, committed: false, CancellationToken.None);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db) EndAsync(db, committed: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await EndAsync(db, committed: false, CancellationToken.None);
    }

    private static async Task SealAsync(LeerkluisDb db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false; // SaveChanges detects changes right after this; once is enough
        try
        {
            // Provisional sequences are -1, -2, ... in the order the entries were added.
            var pending = tracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Sequence <= 0)
                .Select(e => e.Entity).OrderByDescending(e => e.Sequence).ToList();
            if (pending.Count == 0) return;

            var sealing = new Sealing();
            Open.AddOrUpdate(db, sealing);
            if (db.Database.CurrentTransaction is null)
            {
                sealing.OwnTransaction = await db.Database.BeginTransactionAsync(ct);
                // Our own transaction needs no savepoint around the save: failure rolls it back whole.
                sealing.SavepointsWere = db.Database.AutoSavepointsEnabled;
                db.Database.AutoSavepointsEnabled = false;
            }
            try
            {
                var learners = pending.Select(e => e.LearnerId).Distinct().ToArray();
                var heads = await LockHeadsAsync(db, learners, ct);
                foreach (var entry in pending)
                {
                    var head = heads[entry.LearnerId];
                    var provisional = entry.Sequence;
                    db.Entry(entry).State = EntityState.Detached; // the key changes: leave and re-enter the identity map
                    AuditChain.Link(entry, head.Sequence, head.Hash);
                    db.Add(entry);
                    sealing.Sealed.Add((entry, provisional));
                    heads[entry.LearnerId] = (entry.Sequence, entry.Hash, head.Exists);
                }
                foreach (var (learnerId, head) in heads) SetHead(db, learnerId, head.Sequence, head.Hash, head.Exists);
            }
            catch
            {
                await EndAsync(db, committed: false, CancellationToken.None);
                throw;
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Locks and reads the heads of these learners' chains, in one order to avoid deadlocks.</summary>
    private static async Task<Dictionary<Guid, (long Sequence, string Hash, bool Exists)>> LockHeadsAsync(LeerkluisDb db, Guid[] learners, CancellationToken ct)
    {
        var heads = db.Set<AuditHead>();
        List<AuditHead> rows;
        if (db.IsPostgres)
        {
            rows = await heads.FromSql($"""SELECT * FROM "AuditHeads" WHERE "LearnerId" = ANY({learners}) ORDER BY "LearnerId" FOR UPDATE""").AsNoTracking().ToListAsync(ct);
            var missing = learners.Except(rows.Select(r => r.LearnerId)).ToArray();
            if (missing.Length > 0)
            {
                // A learner's first entry: create the head row (a racing request waits on it, then finds it), then lock it.
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AuditHeads" ("LearnerId", "Sequence", "Hash") SELECT x, 0, {AuditEntry.GenesisHash} FROM unnest({missing}) AS x
                    ON CONFLICT DO NOTHING
                    """, ct);
                rows.AddRange(await heads.FromSql($"""SELECT * FROM "AuditHeads" WHERE "LearnerId" = ANY({missing}) ORDER BY "LearnerId" FOR UPDATE""").AsNoTracking().ToListAsync(ct));
            }
            return rows.ToDictionary(r => r.LearnerId, r => (r.Sequence, r.Hash, true));
        }
        // SQLite: the transaction began IMMEDIATE and holds the database's single write lock already.
        rows = await heads.AsNoTracking().Where(h => learners.Contains(h.LearnerId)).ToListAsync(ct);
        var found = rows.ToDictionary(r => r.LearnerId, r => (r.Sequence, r.Hash, true));
        foreach (var id in learners) found.TryAdd(id, (0, AuditEntry.GenesisHash, false));
        return found;
    }

    private static void SetHead(LeerkluisDb db, Guid learnerId, long sequence, string hash, bool exists)
    {
        var local = db.Set<AuditHead>().Local.FindEntry(learnerId);
        if (local is not null)
        {
            local.Entity.Sequence = sequence;
            local.Entity.Hash = hash;
            if (local.State == EntityState.Unchanged) local.State = EntityState.Modified;
            return;
        }
        var head = new AuditHead { LearnerId = learnerId, Sequence = sequence, Hash = hash };
        if (exists) db.Update(head); else db.Add(head);
    }

    private static async Task EndAsync(DbContext db, bool committed, CancellationToken ct)
    {
        if (!Open.TryGetValue(db, out var sealing)) return;
        Open.Remove(db);
        if (!committed)
        {
            // The chain positions died with the transaction: back to provisional, so a retried save seals again.
            foreach (var (entry, provisional) in sealing.Sealed)
            {
                var tracked = db.Entry(entry);
                if (tracked.State != EntityState.Added) continue;
                tracked.State = EntityState.Detached;
                entry.Sequence = provisional;
                db.Add(entry);
            }
            foreach (var head in db.ChangeTracker.Entries<AuditHead>().ToList()) head.State = EntityState.Detached;
        }
        if (sealing.OwnTransaction is { } tx)
        {
            if (committed) await tx.CommitAsync(ct); else await tx.RollbackAsync(CancellationToken.None);
            await tx.DisposeAsync();
            db.Database.AutoSavepointsEnabled = sealing.SavepointsWere;
        }
        // Otherwise the caller's transaction holds the head locks until it commits.
    }
}
