using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// The daily record of every chain: how many chains and entries there were, and a digest over the heads in
/// <see cref="AuditCheckpointHead"/>. With it `audit-verify` detects a removed tail or a removed whole chain,
/// which a hash chain alone cannot show (DESIGN §4).
/// </summary>
public sealed class AuditCheckpoint
{
    public DateOnly Day { get; set; }
    public DateTime AtUtc { get; set; }
    public long Chains { get; set; }
    public long Entries { get; set; }
    public required string Digest { get; set; }
}

/// <summary>A learner's chain head as of the last checkpoint that saw it change (one row per learner, kept up to date by the job).</summary>
public sealed class AuditCheckpointHead
{
    public Guid LearnerId { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
    public DateOnly Day { get; set; }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>, IEntityTypeConfiguration<AuditCheckpointHead>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.ToTable("AuditCheckpoints");
        b.HasKey(x => x.Day);
        b.Property(x => x.Digest).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<AuditCheckpointHead> b)
    {
        b.ToTable("AuditCheckpointHeads");
        b.HasKey(x => x.LearnerId);
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}

/// <summary>
/// Writes the day's checkpoint: copies every chain head that moved into <see cref="AuditCheckpointHead"/> and
/// records count and digest. Idempotent (a day has one checkpoint; a second run, also on another node, does nothing).
/// Same shape as a daily job (Name, RunAsync(day)) so it can move onto the shared job runner.
/// </summary>
public sealed class AuditCheckpointJob(LeerkluisDb db, TimeProvider clock) : Jobs.IDailyJob
{
    public string Name => "audit-checkpoint";

    public async Task<string> RunAsync(DateOnly day, CancellationToken ct)
    {
        var checkpoints = db.Set<AuditCheckpoint>();
        if (await checkpoints.AnyAsync(c => c.Day == day, ct)) return $"checkpoint {day:yyyy-MM-dd} exists";

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One set-based upsert of the heads that moved since the last checkpoint (same SQL on both providers).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditCheckpointHeads" ("LearnerId", "Sequence", "Hash", "Day")
            SELECT h."LearnerId", h."Sequence", h."Hash", {day} FROM "AuditHeads" h
            WHERE h."Sequence" > 0 AND NOT EXISTS (SELECT 1 FROM "AuditCheckpointHeads" c
                WHERE c."LearnerId" = h."LearnerId" AND c."Sequence" = h."Sequence" AND c."Hash" = h."Hash")
            ON CONFLICT ("LearnerId") DO UPDATE SET "Sequence" = excluded."Sequence", "Hash" = excluded."Hash", "Day" = excluded."Day"
            """, ct);
        var checkpoint = await DigestAsync(db, day, clock.GetUtcNow().UtcDateTime, ct);
        checkpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return $"checkpoint {day:yyyy-MM-dd}: {checkpoint.Chains} chains, {checkpoint.Entries} entries, digest {checkpoint.Digest}";
    }

    /// <summary>The digest over the recorded heads as they are in the database now.</summary>
    public static async Task<AuditCheckpoint> DigestAsync(LeerkluisDb db, DateOnly day, DateTime atUtc, CancellationToken ct)
    {
        using var digest = new CheckpointDigest();
        await foreach (var h in db.Set<AuditCheckpointHead>().AsNoTracking().OrderBy(h => h.LearnerId)
                           .Select(h => new { h.LearnerId, h.Sequence, h.Hash }).AsAsyncEnumerable().WithCancellation(ct))
            digest.Add(h.LearnerId, h.Sequence, h.Hash);
        return new AuditCheckpoint { Day = day, AtUtc = atUtc, Chains = digest.Chains, Entries = digest.Entries, Digest = digest.Finish() };
    }
}
