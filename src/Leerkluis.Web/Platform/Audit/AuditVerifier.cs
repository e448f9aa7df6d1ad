using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// What `leerkluis audit-verify` checks, in this order, stopping at the first problem:
/// 1. every chain is contiguous, linked and unaltered (an altered or removed middle entry);
/// 2. every chain still reaches the head its last checkpoint recorded (a removed tail or whole chain);
/// 3. every chain matches its live head row (a tail removed since the last checkpoint; a removed head);
/// 4. the last checkpoint's digest matches its recorded heads (a removed or altered checkpoint row).
/// Chains are streamed; the other checks are anti-joins on primary keys, so memory stays flat.
/// </summary>
internal static class AuditVerifier
{
    public static async Task<string?> VerifyAsync(LeerkluisDb db, CancellationToken ct)
    {
        Guid? learner = null;
        AuditEntry? previous = null;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.LearnerId).ThenBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.LearnerId != learner) { learner = e.LearnerId; previous = null; }
            if (AuditChain.Check(previous, e) is { } problem) return problem;
            previous = e;
        }

        var entries = db.AuditEntries;
        var heads = db.Set<AuditHead>();
        var checkpointGap = await db.Set<AuditCheckpointHead>().AsNoTracking()
            .Where(c => c.Sequence > 0 && !entries.Any(e => e.LearnerId == c.LearnerId && e.Sequence == c.Sequence && e.Hash == c.Hash))
            .OrderBy(c => c.LearnerId).FirstOrDefaultAsync(ct);
        if (checkpointGap is { } c)
            return await MarkProblemAsync(db, c.LearnerId, new ChainMark(c.Sequence, c.Hash, $"the checkpoint of {Amsterdam.Date(c.Day)}"), ct);

        var headGap = await heads.AsNoTracking()
            .Where(h => h.Sequence > 0 && !entries.Any(e => e.LearnerId == h.LearnerId && e.Sequence == h.Sequence && e.Hash == h.Hash))
            .OrderBy(h => h.LearnerId).FirstOrDefaultAsync(ct);
        if (headGap is { } h)
            return await MarkProblemAsync(db, h.LearnerId, new ChainMark(h.Sequence, h.Hash, "the chain head"), ct);

        var headless = await entries.AsNoTracking().Where(e => e.Sequence == 1 && !heads.Any(x => x.LearnerId == e.LearnerId))
            .OrderBy(e => e.LearnerId).Select(e => (Guid?)e.LearnerId).FirstOrDefaultAsync(ct);
        if (headless is { } orphan) return $"learner {orphan}: the chain head is missing";
        var stale = await heads.AsNoTracking().Where(x => entries.Any(e => e.LearnerId == x.LearnerId && e.Sequence == x.Sequence + 1))
            .OrderBy(x => x.LearnerId).FirstOrDefaultAsync(ct);
        if (stale is { } s) return $"learner {s.LearnerId}: entry {s.Sequence + 1} is not recorded in the chain head";

        var latest = await db.Set<AuditCheckpoint>().AsNoTracking().OrderByDescending(x => x.Day).FirstOrDefaultAsync(ct);
        if (latest is not null)
        {
            var now = await AuditCheckpointJob.DigestAsync(db, latest.Day, latest.AtUtc, ct);
            if (now.Digest != latest.Digest || now.Chains != latest.Chains || now.Entries != latest.Entries)
                return $"checkpoint of {Amsterdam.Date(latest.Day)}: its recorded chain heads were removed or altered " +
                       $"({latest.Chains} chains and {latest.Entries} entries recorded, {now.Chains} and {now.Entries} found)";
        }
        return null;
    }

    private static async Task<string> MarkProblemAsync(LeerkluisDb db, Guid learnerId, ChainMark mark, CancellationToken ct)
    {
        var chain = db.AuditEntries.AsNoTracking().Where(e => e.LearnerId == learnerId);
        var length = await chain.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var hashAtMark = await chain.Where(e => e.Sequence == mark.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        return AuditChain.CheckMark(learnerId, length, hashAtMark, mark)
               ?? $"learner {learnerId}: entry {mark.Sequence} differs from {mark.Source}";
    }
}
