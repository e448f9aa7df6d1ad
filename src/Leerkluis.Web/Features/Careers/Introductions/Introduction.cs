using System.Text.Json.Serialization;
using Leerkluis.Web.Features.Careers.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.Introductions;

[JsonConverter(typeof(JsonStringEnumConverter<IntroductionStatus>))]
public enum IntroductionStatus { Proposed = 1, Accepted = 2, Declined = 3, Started = 4 }

/// <summary>An advisor proposes a candidate (who consented) for a vacancy or programme; the school board or institute answers.</summary>
public sealed class Introduction
{
    public Guid Id { get; set; }
    public Guid CandidateId { get; set; }
    public MatchKind Kind { get; set; }
    /// <summary>The vacancy or programme (by Kind).</summary>
    public Guid TargetId { get; set; }
    public IntroductionStatus Status { get; set; } = IntroductionStatus.Proposed;
    /// <summary>The match score when proposed, so later readers see why it was proposed.</summary>
    public int Score { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>Every status change of an introduction, with time and author (kept with the candidate).</summary>
public sealed class IntroductionChange
{
    public Guid Id { get; set; }
    public Guid IntroductionId { get; set; }
    public IntroductionStatus? From { get; set; }
    public IntroductionStatus To { get; set; }
    public DateTime AtUtc { get; set; }
    public required string AuthorName { get; set; }
}

internal sealed class IntroductionConfiguration : IEntityTypeConfiguration<Introduction>
{
    public void Configure(EntityTypeBuilder<Introduction> b)
    {
        b.ToTable("CareerIntroductions");
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CandidateId, x.Kind, x.TargetId }).IsUnique();
        b.HasIndex(x => x.TargetId);
    }
}

internal sealed class IntroductionChangeConfiguration : IEntityTypeConfiguration<IntroductionChange>
{
    public void Configure(EntityTypeBuilder<IntroductionChange> b)
    {
        b.ToTable("CareerIntroductionChanges");
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.HasOne<Introduction>().WithMany().HasForeignKey(x => x.IntroductionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.IntroductionId, x.AtUtc });
    }
}
