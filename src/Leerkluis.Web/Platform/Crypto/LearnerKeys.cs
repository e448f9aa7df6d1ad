using System.Security.Cryptography;
using System.Text;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Platform.Crypto;

/// <summary>The learner's data key is gone (erased): what was sealed with it can never be read again.</summary>
public sealed class LearnerKeyDestroyedException() : Exception("The learner's data key does not exist (erased).");

/// <summary>
/// Seals and opens special-category field values with the learner's own data key. A key is created on the
/// first seal and added to the caller's unit of work, so it commits together with the sealed data.
/// Unwrapped keys live only in this scope (one request or job run).
/// </summary>
public sealed class LearnerKeys(LeerkluisDb db, MasterKeyRing masters, TimeProvider clock)
{
    private readonly Dictionary<Guid, byte[]> _open = new();

    public async Task<byte[]> SealAsync(Guid learnerId, string field, string plaintext, CancellationToken ct = default)
    {
        var key = await KeyAsync(learnerId, create: true, ct);
        return SealedBox.Seal(key!, Encoding.UTF8.GetBytes(plaintext), Context(learnerId, field));
    }

    /// <summary>Opens a value sealed for this learner and field; throws <see cref="LearnerKeyDestroyedException"/> when the key was erased.</summary>
    public async Task<string> OpenAsync(Guid learnerId, string field, byte[] sealedValue, CancellationToken ct = default)
    {
        var key = await KeyAsync(learnerId, create: false, ct) ?? throw new LearnerKeyDestroyedException();
        return Encoding.UTF8.GetString(SealedBox.Open(key, sealedValue, Context(learnerId, field)));
    }

    /// <summary>Associated data: the learner id and the field name, so a value only opens where it was sealed.</summary>
    private static byte[] Context(Guid learnerId, string field) => Encoding.UTF8.GetBytes($"{learnerId:D}/{field}");

    private async Task<byte[]?> KeyAsync(Guid learnerId, bool create, CancellationToken ct)
    {
        if (_open.TryGetValue(learnerId, out var open)) return open;
        var row = db.Set<LearnerKey>().Local.FirstOrDefault(k => k.LearnerId == learnerId)
            ?? await db.Set<LearnerKey>().AsNoTracking().FirstOrDefaultAsync(k => k.LearnerId == learnerId, ct);
        if (row is not null) return _open[learnerId] = masters.Unwrap(row.MasterKeyId, learnerId, row.WrappedKey);
        if (!create) return null;
        var key = SealedBox.NewKey();
        db.Add(new LearnerKey { LearnerId = learnerId, MasterKeyId = masters.ActiveId, WrappedKey = masters.Wrap(learnerId, key), CreatedUtc = clock.GetUtcNow().UtcDateTime });
        return _open[learnerId] = key;
    }

    /// <summary>Crypto-shredding: removes the learner's key in the caller's transaction. Returns whether there was one.</summary>
    public async Task<bool> DestroyAsync(Guid learnerId, CancellationToken ct = default)
    {
        if (_open.Remove(learnerId, out var open)) CryptographicOperations.ZeroMemory(open);
        return await db.Set<LearnerKey>().Where(k => k.LearnerId == learnerId).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>
    /// Re-wraps every learner key that is not wrapped by the active master key, in batches (one transaction each).
    /// The data itself is untouched. Returns the number of keys re-wrapped.
    /// </summary>
    public async Task<int> RotateAsync(int batchSize = 1000, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.Set<LearnerKey>().Where(k => k.MasterKeyId != masters.ActiveId)
                .OrderBy(k => k.LearnerId).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var k in batch)
            {
                var key = masters.Unwrap(k.MasterKeyId, k.LearnerId, k.WrappedKey);
                k.WrappedKey = masters.Wrap(k.LearnerId, key);
                k.MasterKeyId = masters.ActiveId;
                CryptographicOperations.ZeroMemory(key);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
