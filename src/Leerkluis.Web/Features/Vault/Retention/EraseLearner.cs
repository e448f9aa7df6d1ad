using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Crypto;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Leerkluis.Web.Features.Vault.Retention;

/// <summary>Erase the learner's data of these kinds; with AbsenceAndEnrolment, everything including the learner record.</summary>
public sealed record EraseLearnerCommand(Guid LearnerId, ErasureReason Reason, IReadOnlySet<DataKind> Kinds)
{
    public static EraseLearnerCommand All(Guid learnerId, ErasureReason reason) => new(learnerId, reason, Enum.GetValues<DataKind>().ToHashSet());
    public bool EraseAll => Kinds.Contains(DataKind.AbsenceAndEnrolment);
}

public sealed record ErasureResult(Guid CaseId, string Scope, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// Erasure (system and retention only): destroys the learner's data key first, so every copy of their special data,
/// backups included, becomes unreadable, then deletes their rows of the chosen kinds from every learner table, in one
/// transaction, and records the erasure without personal data.
/// </summary>
public sealed class EraseLearner(LeerkluisDb db, LearnerKeys keys, CurrentActor current, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<ErasureResult> HandleAsync(EraseLearnerCommand c, CancellationToken ct = default)
    {
        // Not reachable from a page or the API: only the retention job and operator tools act as the system.
        if (!current.Value.IsSystem) throw new NotFoundException();
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        // SQLite leaves deleted rows readable in free page space until overwritten: make it zero them. Set inside the
        // transaction, so it is surely the connection that deletes.
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", ct);

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var tables = LearnerTables.Of(db.Model, options.Value).Where(t => c.EraseAll || c.Kinds.Contains(t.Kind)).ToList();
        if (tables.Any(t => t.EntityType.ClrType == typeof(LearnerKey)))
            counts[nameof(LearnerKey)] = await keys.DestroyAsync(c.LearnerId, ct) ? 1 : 0;
        foreach (var table in tables.Where(t => t.EntityType.ClrType != typeof(LearnerKey)))
            counts[table.Name] = await LearnerTables.DeleteAsync(db, table, c.LearnerId, ct);
        if (c.EraseAll)
            counts["Learner"] = await db.Learners.Where(l => l.Id == c.LearnerId).ExecuteDeleteAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var scope = c.EraseAll ? "All" : string.Join(',', c.Kinds.Order());
        var entry = new ErasureLogEntry
        {
            Id = Guid.CreateVersion7(), CaseId = Guid.NewGuid(), Day = Platform.Time.Amsterdam.Today(clock), AtUtc = now, Reason = c.Reason,
            Scope = scope, Counts = string.Join(';', counts.Where(x => x.Value > 0).Select(x => $"{x.Key}={x.Value}")),
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
            await FlushAsync(ct);
        }
        return new ErasureResult(entry.CaseId, scope, counts);
    }

    /// <summary>
    /// On SQLite, moves the write-ahead log into the database file and empties it, so the old page images of erased rows
    /// do not linger in the -wal file. Callers with their own transaction call this after committing. PostgreSQL's dead
    /// rows are never in a logical backup (pg_dump) and are reclaimed by autovacuum.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
    }
}
