using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Vault.Retention;

/// <summary>A legal hold (for example a court case or a complaint): while it exists nothing of the learner is erased.</summary>
public sealed class LegalHold
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public required string Reason { get; set; }
    public Guid? SetByUserId { get; set; }
    /// <summary>Role of who set it ("System" for the operator's command line).</summary>
    public string? SetByRole { get; set; }
    public DateTime SinceUtc { get; set; }
}

/// <summary>
/// Which kind of a learner's data the retention job already erased, for which last enrolment day. It keeps the
/// daily job from visiting the same learners every day; a later re-enrolment gives a new last day and a new erasure.
/// </summary>
public sealed class RetentionMark
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public DataKind Kind { get; set; }
    public DateOnly LastDay { get; set; }
    public DateOnly ErasedOn { get; set; }
}

public enum ErasureReason { Retention, Request }

/// <summary>
/// The record that an erasure happened, without personal data: no learner id, name or school; a random case id,
/// the day, the reason and how many rows went from which table.
/// </summary>
public sealed class ErasureLogEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime AtUtc { get; set; }
    public ErasureReason Reason { get; set; }
    /// <summary>"All", or the kinds erased ("Dossier", "Dossier,Referral").</summary>
    public required string Scope { get; set; }
    /// <summary>Rows deleted per table, e.g. "Enrolments=2;LearnerKey=1;MedicalRecord=1".</summary>
    public required string Counts { get; set; }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.SetByRole).HasMaxLength(40);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RetentionMarkConfiguration : IEntityTypeConfiguration<RetentionMark>
{
    public void Configure(EntityTypeBuilder<RetentionMark> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.HasIndex(x => new { x.LearnerId, x.Kind, x.LastDay }).IsUnique();
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ErasureLogEntryConfiguration : IEntityTypeConfiguration<ErasureLogEntry>
{
    public void Configure(EntityTypeBuilder<ErasureLogEntry> b)
    {
        b.ToTable("ErasureLog");
        b.Property(x => x.Scope).HasMaxLength(100);
        b.Property(x => x.Counts).HasMaxLength(4000);
        b.HasIndex(x => x.Day);
    }
}
