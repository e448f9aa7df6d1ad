using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers;

// The regional career-switcher desk (DESIGN §3.10). Candidate data is not learner dossier data: it is keyed by its
// own id and guarded by CandidateAccess ("only what is mine"), not by DossierGuard.

/// <summary>Route phases 1–5 of a candidate (klantreis).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Phase>))]
public enum Phase { Interest = 1, Orientation = 2, Choice = 3, Preparation = 4, Start = 5 }

[JsonConverter(typeof(JsonStringEnumConverter<EducationLevel>))]
public enum EducationLevel { Mbo = 1, Hbo = 2, Wo = 3 }

/// <summary>A career switcher (overstapper) on their route into teaching.</summary>
public sealed class Candidate
{
    public Guid Id { get; set; }
    /// <summary>The region that guides the candidate now; other regions see them only when shared.</summary>
    public Guid RegionId { get; set; }
    public Guid? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }
    /// <summary>The candidate's own log-in for the portal, if any.</summary>
    public Guid? UserId { get; set; }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? City { get; set; }

    public string? PriorEducation { get; set; }
    public EducationLevel? EducationLevel { get; set; }
    public string? CurrentProfession { get; set; }

    /// <summary>Subject codes (CareerCodes.Subjects).</summary>
    public List<string> Subjects { get; set; } = [];
    public bool InterestPo { get; set; }
    public bool InterestVo { get; set; }
    public bool InterestMbo { get; set; }
    public List<Guid> PreferredRegionIds { get; set; } = [];
    public DateOnly? AvailableFrom { get; set; }
    public int? HoursPerWeek { get; set; }
    /// <summary>Route option codes (CareerCodes.RouteOptions).</summary>
    public List<string> RouteOptions { get; set; } = [];
    /// <summary>Bottleneck tags (knelpunten).</summary>
    public List<string> Bottlenecks { get; set; } = [];

    public DateTime? ConsentUtc { get; set; }
    public string? ConsentPurpose { get; set; }
    public DateTime? ConsentWithdrawnUtc { get; set; }

    public Phase Phase { get; set; } = Phase.Interest;
    public DateTime PhaseSinceUtc { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Normalised keys for duplicate detection (DuplicateRules.Keys), kept in step by CandidateWrite.</summary>
    public string? EmailKey { get; set; }
    public string? PhoneKey { get; set; }
    public string? NameBirthKey { get; set; }
    /// <summary>Lower-cased "first last email" for the full-text search box.</summary>
    public string SearchText { get; set; } = "";

    public bool HasConsent => ConsentUtc is not null && ConsentWithdrawnUtc is null;
    public string FullName => $"{FirstName} {LastName}";
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.ToTable("Candidates");
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.PriorEducation).HasMaxLength(200);
        b.Property(x => x.CurrentProfession).HasMaxLength(200);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.ConsentPurpose).HasMaxLength(300);
        b.Property(x => x.EmailKey).HasMaxLength(254);
        b.Property(x => x.PhoneKey).HasMaxLength(30);
        b.Property(x => x.NameBirthKey).HasMaxLength(220);
        b.Property(x => x.SearchText).HasMaxLength(600);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        // The board and list filter by region and phase first; the duplicate keys are looked up on every intake.
        b.HasIndex(x => new { x.RegionId, x.Phase });
        b.HasIndex(x => x.EmailKey);
        b.HasIndex(x => x.PhoneKey);
        b.HasIndex(x => x.NameBirthKey);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.OwnerUserId);
    }
}

/// <summary>A candidate made visible to another region (handover in progress, cross-border interest).</summary>
public sealed class CandidateShare
{
    public Guid Id { get; set; }
    public Guid CandidateId { get; set; }
    public Guid RegionId { get; set; }
    public DateTime SharedUtc { get; set; }
}

internal sealed class CandidateShareConfiguration : IEntityTypeConfiguration<CandidateShare>
{
    public void Configure(EntityTypeBuilder<CandidateShare> b)
    {
        b.ToTable("CandidateShares");
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        b.HasIndex(x => new { x.CandidateId, x.RegionId }).IsUnique();
        b.HasIndex(x => x.RegionId);
    }
}
