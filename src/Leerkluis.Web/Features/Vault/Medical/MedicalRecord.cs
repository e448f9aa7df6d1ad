using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Vault.Medical;

/// <summary>
/// A learner's Medical section (special category, AVG art. 9). Everything in it, including which kinds of items
/// exist, is one value sealed with the learner's data key: the table shows only that a record exists and when it changed.
/// </summary>
public sealed class MedicalRecord
{
    /// <summary>Field name in the associated data of the sealed value.</summary>
    public const string SealedField = "MedicalRecord.Data";

    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public required byte[] Sealed { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public Guid? UpdatedByUserId { get; set; }
}

internal sealed class MedicalRecordConfiguration : IEntityTypeConfiguration<MedicalRecord>
{
    public void Configure(EntityTypeBuilder<MedicalRecord> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.HasIndex(x => x.LearnerId).IsUnique();
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
