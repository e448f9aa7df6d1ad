using System.Text.Json.Serialization;
namespace Leerkluis.Web.Features.Careers;

// The regional career-switcher desk (DESIGN §3.10). Candidate data is not learner dossier data: it is keyed by its
// own id and guarded by CandidateAccess ("only what is mine"), not by DossierGuard.

/// <summary>Route phases 1–5 of a candidate (klantreis).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Phase>))]
public enum Phase { Interest = 1, Orientation = 2, Choice = 3, Preparation = 4, Start = 5 }

[JsonConverter(typeof(JsonStringEnumConverter<EducationLevel>))]
public enum EducationLevel { Mbo = 1, Hbo = 2, Wo = 3 }

[JsonConverter(typeof(JsonStringEnumConverter<PartnerKind>))]
public enum PartnerKind { School = 1, Board = 2, TrainingProgramme = 3, Municipality = 4 }

[JsonConverter(typeof(JsonStringEnumConverter<ContactKind>))]
public enum ContactKind { Call = 1, Meeting = 2, Email = 3, Activity = 4, Note = 5 }

[JsonConverter(typeof(JsonStringEnumConverter<IntakeStatus>))]
public enum IntakeStatus { Created = 1, PendingReview = 2, Applied = 3 }

/// <summary>An onderwijsregio served by a regional desk (an Organisation of kind RegionalDesk).</summary>
public sealed class Region
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The desk whose advisors work this region (Organisation.Kind = RegionalDesk); advisors carry it as OrganisationId.</summary>
    public Guid? DeskOrganisationId { get; set; }
    /// <summary>Public key the region's website sends with intake submissions (it is visible in the page source, so it only names the region).</summary>
    public required string IntakeKey { get; set; }
    /// <summary>Origins (scheme://host[:port]) allowed to post the intake form from a browser, space-separated.</summary>
    public string AllowedOrigins { get; set; } = "";
}

/// <summary>A school, board, teacher-training programme or municipality the region works with.</summary>
public sealed class PartnerOrganisation
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }
    public string? City { get; set; }
    /// <summary>The platform organisation whose staff log in for this partner (a board's HR officers, an institute's coordinators).</summary>
    public Guid? OrganisationId { get; set; }
}

public sealed class ContactPerson
{
    public Guid Id { get; set; }
    public Guid PartnerOrganisationId { get; set; }
    public required string Name { get; set; }
    public string? Function { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

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

/// <summary>A candidate made visible to another region (handover in progress, cross-border interest).</summary>
public sealed class CandidateShare
{
    public Guid Id { get; set; }
    public Guid CandidateId { get; set; }
    public Guid RegionId { get; set; }
    public DateTime SharedUtc { get; set; }
}

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

public sealed class Vacancy
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid? PartnerOrganisationId { get; set; }
    public required string Title { get; set; }
    public required string Subject { get; set; }
    public Sector Sector { get; set; }
    public int Hours { get; set; }
    public DateOnly StartDate { get; set; }
    public EducationLevel MinimumLevel { get; set; }
}

public sealed class TrainingProgramme
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid? PartnerOrganisationId { get; set; }
    public required string Name { get; set; }
    public List<string> Subjects { get; set; } = [];
    public Sector Sector { get; set; }
    public EducationLevel EntryLevel { get; set; }
    public DateOnly StartDate { get; set; }
    public bool PartTime { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<Sector>))]
public enum Sector { Po = 1, Vo = 2, Mbo = 3 }

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
