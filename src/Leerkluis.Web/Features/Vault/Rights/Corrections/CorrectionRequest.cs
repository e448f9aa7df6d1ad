using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Vault.Rights.Corrections;

public enum CorrectionStatus { Open, Approved, Rejected }

/// <summary>
/// A request by a guardian (or a learner from 16) to correct administrative data (AVG art. 16, rectification).
/// The school approves, which applies the changes through the registry's use cases, or rejects with a reason.
/// Dossier table: key (LearnerId, Id), see ADR 0002.
/// </summary>
public sealed class CorrectionRequest
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    /// <summary>The school that handles it: the learner's school when the request was made.</summary>
    public Guid SchoolId { get; set; }
    public Guid RequestedByUserId { get; set; }
    /// <summary>Set when a guardian asked; family changes apply to this guardian's own contact data.</summary>
    public Guid? RequestedByGuardianId { get; set; }
    public DateTime RequestedUtc { get; set; }
    public string? Note { get; set; }
    public CorrectionStatus Status { get; set; }
    public Guid? HandledByUserId { get; set; }
    public DateTime? HandledUtc { get; set; }
    /// <summary>Required on rejection, shown to the requester.</summary>
    public string? Reason { get; set; }
    public List<CorrectionChange> Changes { get; set; } = [];
}

/// <summary>One field of a request: the value when asked and the proposed one (dates as yyyy-MM-dd).</summary>
public sealed class CorrectionChange
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public CorrectionField Field { get; set; }
    public string? CurrentValue { get; set; }
    public string? ProposedValue { get; set; }
}

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.Note).HasMaxLength(CorrectionFields.NoteMax);
        b.Property(x => x.Reason).HasMaxLength(CorrectionFields.ReasonMax);
        // The school's queue: open requests of one school, newest first.
        b.HasIndex(x => new { x.SchoolId, x.Status, x.RequestedUtc });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Changes).WithOne().HasForeignKey(x => new { x.LearnerId, x.RequestId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CorrectionChangeConfiguration : IEntityTypeConfiguration<CorrectionChange>
{
    public void Configure(EntityTypeBuilder<CorrectionChange> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.CurrentValue).HasMaxLength(CorrectionFields.ValueMax);
        b.Property(x => x.ProposedValue).HasMaxLength(CorrectionFields.ValueMax);
    }
}
