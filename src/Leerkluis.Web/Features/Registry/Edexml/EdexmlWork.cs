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

internal sealed record LearnerFields(
    string FirstNames, string? CallName, string? Prefix, string LastName, DateOnly? BirthDate, Gender Gender, string? PostalCode,
    string? PersonalNumber, PersonalNumberKind? Kind, string? LastFour)
{
    public static LearnerFields Of(Learner l) => new(l.FirstNames, l.CallName, l.Prefix, l.LastName, l.BirthDate, l.Gender,
        l.Address.PostalCode, l.PersonalNumber, l.PersonalNumberKind, l.PersonalNumberLastFour);

    public void ApplyTo(Learner l)
    {
        l.FirstNames = FirstNames; l.CallName = CallName; l.Prefix = Prefix; l.LastName = LastName; l.BirthDate = BirthDate;
        l.Gender = Gender; l.Address.PostalCode = PostalCode; l.PersonalNumber = PersonalNumber; l.PersonalNumberKind = Kind;
        l.PersonalNumberLastFour = LastFour;
    }

    /// <summary>Names of the fields that differ (for the preview; never the values).</summary>
    public IEnumerable<string> Differences(LearnerFields other)
    {
        if (FirstNames != other.FirstNames) yield return "voornamen";
        if (CallName != other.CallName) yield return "roepnaam";
        if (Prefix != other.Prefix) yield return "voorvoegsel";
        if (LastName != other.LastName) yield return "achternaam";
        if (BirthDate != other.BirthDate) yield return "geboortedatum";
        if (Gender != other.Gender) yield return "geslacht";
        if (PostalCode != other.PostalCode) yield return "postcode";
        if (PersonalNumber != other.PersonalNumber || Kind != other.Kind) yield return "persoonsgebonden nummer";
        if (LastFour != other.LastFour) yield return "laatste vier cijfers";
    }
}

internal sealed record EnrolmentFields(DateOnly StartDate, DateOnly? EndDate, int? YearGroup, string ExternalKey);

internal sealed class LearnerWork
{
    public required FileLearner File { get; init; }
    public Learner? Existing { get; set; }
    public Guid LearnerId { get; set; }
    public LearnerFields? Desired { get; set; }
    public bool PersonaliaChanged { get; set; }
    public PersonalNumber? NewClaim { get; set; }
    public Enrolment? ExistingEnrolment { get; set; }
    public EnrolmentFields? DesiredEnrolment { get; set; }
    public bool EnrolmentChanged { get; set; }
    public HashSet<Guid> DesiredGroups { get; } = [];
    public List<GroupMembership> RemoveMemberships { get; } = [];
    public List<Guid> AddMemberships { get; } = [];
    public EdexmlRecord Record => File.Record;
}
