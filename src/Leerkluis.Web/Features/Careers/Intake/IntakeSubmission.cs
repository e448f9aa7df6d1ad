using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.Intake;

[JsonConverter(typeof(JsonStringEnumConverter<IntakeStatus>))]
public enum IntakeStatus { Created = 1, PendingReview = 2, Applied = 3 }

/// <summary>A web-form submission; one that matches an existing person waits for an advisor instead of creating a duplicate.</summary>
public sealed class IntakeSubmission
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid CandidateId { get; set; }
    public IntakeStatus Status { get; set; }
    public DateTime ReceivedUtc { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public DateOnly? BirthDate { get; set; }
    public List<string> Subjects { get; set; } = [];
    public string? Sectors { get; set; }
    public string? Message { get; set; }
    /// <summary>Why it was matched to the existing candidate (DuplicateRules reasons).</summary>
    public string? MatchReasons { get; set; }
}

internal sealed class IntakeSubmissionConfiguration : IEntityTypeConfiguration<IntakeSubmission>
{
    public void Configure(EntityTypeBuilder<IntakeSubmission> b)
    {
        b.ToTable("CareerIntakeSubmissions");
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Sectors).HasMaxLength(20);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.MatchReasons).HasMaxLength(200);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CandidateId, x.Status });
    }
}
