using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Registry;

// Shared tables (reference tables under Citus): boards, schools, groups, staff, guardians.
// Dossier tables carry LearnerId and have the key (LearnerId, Id): see docs/decisions/0002.

public sealed class Board
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>DUO's bevoegd-gezagnummer (5 digits), optional.</summary>
    public string? BoardNumber { get; set; }
}

public enum SchoolSector { Primary = 1, Secondary = 2 }

public sealed class School
{
    public Guid Id { get; set; }
    public Guid BoardId { get; set; }
    /// <summary>BRIN: 2 digits + 2 capitals (e.g. 99ZZ).</summary>
    public required string Brin { get; set; }
    /// <summary>Vestiging: 2 digits (e.g. 00).</summary>
    public required string LocationCode { get; set; }
    public required string Name { get; set; }
    public SchoolSector Sector { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? City { get; set; }
    public string Code => Brin + LocationCode;
}

public sealed class Group
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public int SchoolYearStart { get; set; }
    public required string Name { get; set; }
    /// <summary>Year groups taught in the group: one for a plain group, several for a combined group (po 1–8, vo 1–6).</summary>
    public List<int> YearGroups { get; set; } = [];
    /// <summary>The school system's own key (Edexml <c>key</c>), stable across exports.</summary>
    public string? ExternalKey { get; set; }
    public SchoolYear SchoolYear => new(SchoolYearStart);
}

public enum StaffRole { Teacher = 1, CareCoordinator = 2, SchoolAdmin = 3 }

public sealed class Staff
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public string? ExternalKey { get; set; }
    public string? FirstName { get; set; }
    public string? Prefix { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public StaffRole Role { get; set; }
    public string FullName => PersonName.Format(FirstName, Prefix, LastName);
}

public sealed class StaffGroup
{
    public Guid StaffId { get; set; }
    public Guid GroupId { get; set; }
}

public enum Gender { Unknown = 0, Male = 1, Female = 2, Other = 3 }

/// <summary>A postal address with the CBS municipality code (needed for compulsory-education checks).</summary>
public sealed class Address
{
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Country { get; set; }
    public override string ToString() =>
        string.Join(", ", new[] { $"{Street} {HouseNumber}".Trim(), $"{PostalCode} {City}".Trim() }.Where(s => s.Length > 0));
}

/// <summary>The root of a learner's dossier (vault). Its Id is the distribution key of every dossier table.</summary>
public sealed class Learner
{
    public Guid Id { get; set; }
    /// <summary>Validated BSN or onderwijsnummer; null while the identity is incomplete.</summary>
    public string? PersonalNumber { get; set; }
    public PersonalNumberKind? PersonalNumberKind { get; set; }
    /// <summary>Last four digits of the number, when only those are known (Edexml bsn_ondwnr-4).</summary>
    public string? PersonalNumberLastFour { get; set; }
    public required string FirstNames { get; set; }
    public string? CallName { get; set; }
    public string? Prefix { get; set; }
    public required string LastName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public Gender Gender { get; set; }
    public Address Address { get; set; } = new();
    public DateTime CreatedUtc { get; set; }
    public bool IdentityIncomplete => PersonalNumber is null;
    public string DisplayName => PersonName.Format(CallName ?? FirstNames, Prefix, LastName);
}

/// <summary>
/// Global uniqueness of the PGN: one row per number, keyed by the number itself, so that two registrations
/// of one person are impossible even when learners are spread over database nodes.
/// </summary>
public sealed class PersonalNumberClaim
{
    public required string PersonalNumber { get; set; }
    public Guid LearnerId { get; set; }
}

public sealed class Guardian
{
    public Guid Id { get; set; }
    public string? FirstName { get; set; }
    public string? Prefix { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public Address Address { get; set; } = new();
    public string FullName => PersonName.Format(FirstName, Prefix, LastName);
}

public enum GuardianRelation { Parent = 1, FosterParent = 2, Guardian = 3, Other = 4 }

public sealed class LearnerGuardian
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GuardianId { get; set; }
    public bool HasAuthority { get; set; } = true;
    public GuardianRelation Relation { get; set; } = GuardianRelation.Parent;
}

public enum EnrolmentKind { Main = 1, Additional = 2 }

public sealed class Enrolment
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public EnrolmentKind Kind { get; set; } = EnrolmentKind.Main;
    public DateOnly StartDate { get; set; }
    /// <summary>Last day of enrolment (inclusive); null while active.</summary>
    public DateOnly? EndDate { get; set; }
    public string? StartReason { get; set; }
    public string? EndReason { get; set; }
    /// <summary>The school system's key for this learner (Edexml leerling/@key).</summary>
    public string? ExternalKey { get; set; }
    public int? YearGroup { get; set; }
    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);
}

public sealed class GroupMembership
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
}

public static class PersonName
{
    public static string Format(string? first, string? prefix, string? last) =>
        string.Join(' ', new[] { first, prefix, last }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
