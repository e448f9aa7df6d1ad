using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>A point a chain must still reach: what a checkpoint or the live head recorded for one learner.</summary>
public sealed record ChainMark(long Sequence, string Hash, string Source);

/// <summary>
/// The rules of the audit chain in one place (ADR 0003, 0004): how an entry is linked to its predecessor, and
/// which problem (if any) an entry, a chain's end or a checkpoint shows. Messages name the learner and the
/// first bad entry; they carry ids only, never personal data.
/// </summary>
public static class AuditChain
{
    /// <summary>Places the entry after (<paramref name="previousSequence"/>, <paramref name="previousHash"/>) and seals it.</summary>
    public static void Link(AuditEntry entry, long previousSequence, string previousHash)
    {
        entry.Sequence = previousSequence + 1;
        entry.PreviousHash = previousHash;
        entry.Hash = entry.ComputeHash();
    }

    /// <summary>Whether <paramref name="entry"/> may follow <paramref name="previous"/> (null: it is the first).</summary>
    public static string? Check(AuditEntry? previous, AuditEntry entry)
    {
        var expected = (previous?.Sequence ?? 0) + 1;
        if (entry.Sequence != expected) return $"learner {entry.LearnerId}: entry {expected} is missing (found {entry.Sequence})";
        if (entry.PreviousHash != (previous?.Hash ?? AuditEntry.GenesisHash) || entry.ComputeHash() != entry.Hash)
            return $"learner {entry.LearnerId}: entry {entry.Sequence} was altered";
        return null;
    }

    /// <summary>
    /// Whether a chain of <paramref name="length"/> entries, whose entry at the mark's sequence has
    /// <paramref name="hashAtMark"/> (null when absent), still holds what the mark recorded. Catches a removed
    /// tail, a removed chain, and a chain rewritten with fresh hashes.
    /// </summary>
    public static string? CheckMark(Guid learnerId, long length, string? hashAtMark, ChainMark mark)
    {
        if (mark.Sequence <= 0) return null;
        if (length < mark.Sequence)
            return $"learner {learnerId}: entry {length + 1} is missing ({mark.Source} recorded {mark.Sequence} entries)";
        if (hashAtMark != mark.Hash) return $"learner {learnerId}: entry {mark.Sequence} differs from {mark.Source}";
        return null;
    }
}

/// <summary>
/// The digest of a checkpoint: SHA-256 over every recorded head in key order, so a removed or altered checkpoint
/// row is detected too. Operators may copy the digest (no personal data) somewhere outside the database.
/// </summary>
public sealed class CheckpointDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    public long Chains { get; private set; }
    public long Entries { get; private set; }

    public void Add(Guid learnerId, long sequence, string hash)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{learnerId}|{sequence}|{hash}\n")));
        Chains++;
        Entries += sequence;
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
