using Leerkluis.Web.Features.Registry;

namespace Leerkluis.Demo;

/// <summary>What to generate. Scale 1 is the hand-shaped demo (one board, one primary and one secondary school);
/// a larger scale is the number of schools for benchmarks (about 60 % primary, 250 learners on average).</summary>
public sealed record DemoOptions
{
    public const int DefaultSeed = 20261123;

    public int Scale { get; init; } = 1;
    public int Seed { get; init; } = DefaultSeed;
    /// <summary>The day the data is "now" for (ages, school year, enrolment dates); today in Europe/Amsterdam when null.</summary>
    public DateOnly? Today { get; init; }

    public bool IsDemo => Scale <= 1;
}

/// <summary>A log-in the demo should have, pointing at a generated person.</summary>
public sealed record DemoAccountSpec(string Role, string Email, string DisplayName, string Description,
    Guid? StaffId = null, Guid? GuardianId = null, Guid? LearnerId = null);

/// <summary>Rows for the registry tables, generated in memory; the seeder writes one set (a region) at a time.</summary>
public sealed class DemoDataSet
{
    public List<Board> Boards { get; } = [];
    public List<School> Schools { get; } = [];
    public List<Group> Groups { get; } = [];
    public List<Staff> Staff { get; } = [];
    public List<StaffGroup> StaffGroups { get; } = [];
    public List<Guardian> Guardians { get; } = [];
    public List<Learner> Learners { get; } = [];
    public List<PersonalNumberClaim> PersonalNumberClaims { get; } = [];
    public List<LearnerGuardian> LearnerGuardians { get; } = [];
    public List<Enrolment> Enrolments { get; } = [];
    public List<GroupMembership> GroupMemberships { get; } = [];
    public List<DemoAccountSpec> Accounts { get; } = [];

    public int RowCount => Boards.Count + Schools.Count + Groups.Count + Staff.Count + StaffGroups.Count + Guardians.Count +
        Learners.Count + PersonalNumberClaims.Count + LearnerGuardians.Count + Enrolments.Count + GroupMemberships.Count;

    public void Append(DemoDataSet other)
    {
        Boards.AddRange(other.Boards);
        Schools.AddRange(other.Schools);
        Groups.AddRange(other.Groups);
        Staff.AddRange(other.Staff);
        StaffGroups.AddRange(other.StaffGroups);
        Guardians.AddRange(other.Guardians);
        Learners.AddRange(other.Learners);
        PersonalNumberClaims.AddRange(other.PersonalNumberClaims);
        LearnerGuardians.AddRange(other.LearnerGuardians);
        Enrolments.AddRange(other.Enrolments);
        GroupMemberships.AddRange(other.GroupMemberships);
        Accounts.AddRange(other.Accounts);
    }
}

/// <summary>What the seeder wrote and how long it took.</summary>
public sealed record DemoSummary(
    int Boards, int Schools, int Groups, int Staff, int Learners, int Guardians, int Enrolments, int GroupMemberships,
    int LearnerGuardians, TimeSpan Generation, TimeSpan Insert, IReadOnlyList<DemoAccountSpec> Accounts)
{
    public TimeSpan Total => Generation + Insert;
}
