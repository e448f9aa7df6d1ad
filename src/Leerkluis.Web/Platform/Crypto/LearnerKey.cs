using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Platform.Crypto;

/// <summary>
/// A learner's data key (random 256 bits), stored only wrapped by a master key. Deleting this row is the
/// crypto-shredding of everything sealed for the learner: no copy of the data opens without it.
/// </summary>
public sealed class LearnerKey
{
    public Guid LearnerId { get; set; }
    public required string MasterKeyId { get; set; }
    public required byte[] WrappedKey { get; set; }
    public DateTime CreatedUtc { get; set; }
}

internal sealed class LearnerKeyConfiguration : IEntityTypeConfiguration<LearnerKey>
{
    public void Configure(EntityTypeBuilder<LearnerKey> b)
    {
        // One row per learner: keyed by LearnerId alone, which is also its distribution column.
        b.HasKey(x => x.LearnerId);
        b.Property(x => x.MasterKeyId).HasMaxLength(64);
        b.Property(x => x.WrappedKey).HasMaxLength(64);
        // Rotation looks for keys still wrapped by a retired master key.
        b.HasIndex(x => x.MasterKeyId);
    }
}
