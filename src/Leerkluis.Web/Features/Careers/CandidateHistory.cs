using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers;

[JsonConverter(typeof(JsonStringEnumConverter<ContactKind>))]
public enum ContactKind { Call = 1, Meeting = 2, Email = 3, Activity = 4, Note = 5 }

/// <summary>One step on the route, kept forever (also through merges).</summary>
public sealed class PhaseChange
{
    public Guid Id { get; set; }
    public Guid CandidateId { get; set; }
    public Phase? From { get; set; }
    public Phase To { get; set; }
    public DateTime AtUtc { get; set; }
    public Guid? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
}

internal sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> b)
    {
        b.ToTable("CandidatePhaseChanges");
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CandidateId, x.AtUtc });
    }
}

public sealed class ContactMoment
{
    public Guid Id { get; set; }
    public Guid CandidateId { get; set; }
    public ContactKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public Guid? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Summary { get; set; }
}

internal sealed class ContactMomentConfiguration : IEntityTypeConfiguration<ContactMoment>
{
    public void Configure(EntityTypeBuilder<ContactMoment> b)
    {
        b.ToTable("CandidateContactMoments");
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CandidateId, x.AtUtc });
    }
}

public sealed class CandidateTask
{
    public Guid Id { get; set; }
    public Guid CandidateId { get; set; }
    public required string Title { get; set; }
    public Guid? OwnerUserId { get; set; }
    public required string OwnerName { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateTime? DoneUtc { get; set; }
}

internal sealed class CandidateTaskConfiguration : IEntityTypeConfiguration<CandidateTask>
{
    public void Configure(EntityTypeBuilder<CandidateTask> b)
    {
        b.ToTable("CandidateTasks");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CandidateId);
        b.HasIndex(x => new { x.OwnerUserId, x.DueDate });
    }
}
