using Microsoft.AspNetCore.Identity;

namespace Leerkluis.Web.Platform.Identity;

/// <summary>A log-in account. It links to at most one person record: staff, guardian or learner.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid? StaffId { get; set; }
    public Guid? GuardianId { get; set; }
    public Guid? LearnerId { get; set; }
    /// <summary>For officers, partners and inspectors: the organisation they act for (municipality, samenwerkingsverband, ...).</summary>
    public Guid? OrganisationId { get; set; }
    public string? PreferredCulture { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}

/// <summary>Role names of DESIGN §1 (code names from GLOSSARY.md).</summary>
public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string SchoolAdmin = nameof(SchoolAdmin);
    public const string Teacher = nameof(Teacher);
    public const string CareCoordinator = nameof(CareCoordinator);
    public const string Guardian = nameof(Guardian);
    public const string Learner = nameof(Learner);
    /// <summary>Leerplichtambtenaar of a municipality.</summary>
    public const string AttendanceOfficer = nameof(AttendanceOfficer);
    /// <summary>Staff of a partner organisation (e.g. a samenwerkingsverband) acting only as a consent grantee; never sees the PGN.</summary>
    public const string PartnerStaff = nameof(PartnerStaff);
    public const string Inspector = nameof(Inspector);
    public const string BoardAnalyst = nameof(BoardAnalyst);
    public const string RegionalAdvisor = nameof(RegionalAdvisor);
    public const string HrOfficer = nameof(HrOfficer);
    public const string TrainingCoordinator = nameof(TrainingCoordinator);
    public const string Candidate = nameof(Candidate);

    public static readonly string[] All = [PlatformAdmin, SchoolAdmin, Teacher, CareCoordinator, Guardian, Learner,
        AttendanceOfficer, PartnerStaff, Inspector, BoardAnalyst, RegionalAdvisor, HrOfficer, TrainingCoordinator, Candidate];
    public static readonly string[] Staff = [SchoolAdmin, Teacher, CareCoordinator];
    /// <summary>Roles that must sign in with a second factor (staff, officers, partners, platform admins).</summary>
    public static readonly string[] NeedTwoFactor = [PlatformAdmin, SchoolAdmin, Teacher, CareCoordinator, AttendanceOfficer, PartnerStaff,
        Inspector, BoardAnalyst, RegionalAdvisor, HrOfficer, TrainingCoordinator];
}
