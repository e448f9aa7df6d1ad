namespace Leerkluis.Web.Features.Registry.Edexml;

// What the planner decided, kept on the plan so the writer applies exactly what the preview showed.

internal sealed class EdexmlWork
{
    public required School School { get; init; }
    public required int SchoolYearStart { get; init; }
    public required DateOnly FileDate { get; init; }
    public List<GroupWork> Groups { get; } = [];
    public List<StaffWork> Staff { get; } = [];
    public List<LearnerWork> Learners { get; } = [];
}

internal sealed class GroupWork
{
    public required FileGroup File { get; init; }
    public Group? Existing { get; set; }
    public Guid Id { get; set; }
    public List<int> YearGroups { get; set; } = [];
    public EdexmlRecord Record => File.Record;
}

internal sealed record StaffFields(string? FirstName, string? Prefix, string LastName, string? Email);

internal sealed class StaffWork
{
    public required FileStaff File { get; init; }
    public Staff? Existing { get; set; }
    public Guid Id { get; set; }
    public required StaffFields Desired { get; init; }
    public HashSet<Guid> DesiredGroups { get; } = [];
    public List<StaffGroup> RemoveLinks { get; } = [];
    public List<Guid> AddLinks { get; } = [];
    public EdexmlRecord Record => File.Record;
}

internal sealed class LearnerWork
{
    public required FileLearner File { get; init; }
    public Learner? Existing { get; set; }
    public Guid LearnerId { get; set; }
    public LearnerPersonalia? Desired { get; set; }
    public bool PersonaliaChanged { get; set; }
    public Enrolment? ExistingEnrolment { get; set; }
    public EnrolmentPeriod? DesiredEnrolment { get; set; }
    public bool EnrolmentChanged { get; set; }
    public HashSet<Guid> DesiredGroups { get; } = [];
    public List<GroupMembership> RemoveMemberships { get; } = [];
    public List<Guid> AddMemberships { get; } = [];
    public EdexmlRecord Record => File.Record;
}
