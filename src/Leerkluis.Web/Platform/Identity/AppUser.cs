using Microsoft.AspNetCore.Identity;

namespace Leerkluis.Web.Platform.Identity;

/// <summary>A log-in account. It links to at most one person record: staff, guardian or learner.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid? StaffId { get; set; }
    public Guid? GuardianId { get; set; }
    public Guid? LearnerId { get; set; }
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

    public static readonly string[] All = [PlatformAdmin, SchoolAdmin, Teacher, CareCoordinator, Guardian, Learner];
    public static readonly string[] Staff = [SchoolAdmin, Teacher, CareCoordinator];
}
