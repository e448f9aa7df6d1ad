using Xunit;
using System.Text;
using Leerkluis.Demo;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Tests.Demo;

public sealed class DemoFixture
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public DemoDataSet Data { get; } = DemoDataGenerator.Generate(1, DemoOptions.DefaultSeed, Today);
}

public sealed class DemoDataGeneratorTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private static readonly DateOnly Today = DemoFixture.Today;
    private readonly DemoDataSet d = demo.Data;

    internal static string Fingerprint(IEnumerable<Learner> learners, IEnumerable<Guardian> guardians, IEnumerable<Enrolment> enrolments)
    {
        var sb = new StringBuilder();
        foreach (var l in learners.OrderBy(l => l.Id))
            sb.Append(l.Id).Append(l.FirstNames).Append(l.Prefix).Append(l.LastName).Append(l.BirthDate).Append(l.PersonalNumber)
              .Append(l.PersonalNumberLastFour).Append(l.Address.PostalCode).Append(l.Address.MunicipalityCode).Append('\n');
        foreach (var g in guardians.OrderBy(g => g.Id)) sb.Append(g.Id).Append(g.FullName).Append(g.Address.PostalCode).Append('\n');
        foreach (var e in enrolments.OrderBy(e => e.Id)) sb.Append(e.LearnerId).Append(e.SchoolId).Append(e.StartDate).Append(e.YearGroup).Append('\n');
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string Fingerprint(DemoDataSet s) => Fingerprint(s.Learners, s.Guardians, s.Enrolments);

    [Fact]
    public void Generate_SameSeed_IdenticalData()
    {
        var again = DemoDataGenerator.Generate(1, DemoOptions.DefaultSeed, Today);
        Assert.Equal(Fingerprint(d), Fingerprint(again));
        Assert.Equal(d.Accounts, again.Accounts);
        Assert.NotEqual(Fingerprint(d), Fingerprint(DemoDataGenerator.Generate(1, 7, Today)));
    }

    [Fact]
    public void Generate_Demo_HasOnePrimaryAndOneSecondarySchoolOfTheExpectedSize()
    {
        var board = Assert.Single(d.Boards);
        Assert.StartsWith("Stichting ", board.Name);
        var po = Assert.Single(d.Schools, s => s.Sector == SchoolSector.Primary);
        var vo = Assert.Single(d.Schools, s => s.Sector == SchoolSector.Secondary);
        Assert.Equal(("99AA", "00"), (po.Brin, po.LocationCode));
        Assert.Equal(8, d.Groups.Count(g => g.SchoolId == po.Id));
        Assert.Contains(d.Groups, g => g.SchoolId == po.Id && g.YearGroups.Count == 2);
        Assert.Equal(24, d.Groups.Count(g => g.SchoolId == vo.Id));
        Assert.InRange(d.Enrolments.Count(e => e.SchoolId == po.Id), 200, 240);
        Assert.InRange(d.Enrolments.Count(e => e.SchoolId == vo.Id), 560, 640);
        Assert.All(d.Groups, g => Assert.Equal(SchoolYear.Containing(Today).StartYear, g.SchoolYearStart));
    }

    [Fact]
    public void Generate_PersonalNumbers_PassTheElevenCheckOrAreDeliberatelyIncomplete()
    {
        foreach (var l in d.Learners)
        {
            if (l.PersonalNumber is null)
            {
                Assert.Null(l.PersonalNumberKind);
                Assert.True(l.PersonalNumberLastFour is null || l.PersonalNumberLastFour.Length == 4);
                continue;
            }
            var check = PersonalNumber.Check(l.PersonalNumber);
            Assert.True(check.IsValid, l.PersonalNumber);
            Assert.Equal(check.Number!.Value.Kind, l.PersonalNumberKind);
            Assert.Equal(l.PersonalNumber[^4..], l.PersonalNumberLastFour);
        }
        Assert.Contains(d.Learners, l => l.PersonalNumberKind == PersonalNumberKind.EducationNumber);
        Assert.Contains(d.Learners, l => l.IdentityIncomplete && l.PersonalNumberLastFour is not null);
        Assert.Contains(d.Learners, l => l.IdentityIncomplete && l.PersonalNumberLastFour is null);
    }

    [Fact]
    public void Generate_PersonalNumbers_AreUniqueAndClaimed()
    {
        var numbers = d.Learners.Where(l => l.PersonalNumber is not null).Select(l => l.PersonalNumber!).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(numbers.Order(), d.PersonalNumberClaims.Select(c => c.PersonalNumber).Order());
    }

    [Fact]
    public void Generate_Bench_NumbersStayUniqueAcrossRegions()
    {
        var bench = DemoDataGenerator.Generate(30, 3, Today);
        var numbers = bench.Learners.Where(l => l.PersonalNumber is not null).Select(l => l.PersonalNumber!).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(bench.Learners.Count, bench.Learners.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_Ages_FitYearGroups()
    {
        var schools = d.Schools.ToDictionary(s => s.Id);
        var countDate = new DateOnly(SchoolYear.Containing(Today).StartYear, 10, 1);
        var learners = d.Learners.ToDictionary(l => l.Id);
        foreach (var e in d.Enrolments)
        {
            var age = AgeOn(learners[e.LearnerId].BirthDate!.Value, countDate);
            if (schools[e.SchoolId].Sector == SchoolSector.Primary) Assert.Equal(e.YearGroup + 3, age);
            else Assert.InRange(age, e.YearGroup!.Value + 11, e.YearGroup.Value + 12);
            Assert.True(e.StartDate <= Today && e.StartDate >= learners[e.LearnerId].BirthDate!.Value.AddYears(4));
        }
    }

    [Fact]
    public void Generate_EveryLearner_HasOneActiveMainEnrolmentAndAGroupAtThatSchool()
    {
        var groups = d.Groups.ToDictionary(g => g.Id);
        foreach (var l in d.Learners)
        {
            var enrolment = Assert.Single(d.Enrolments, e => e.LearnerId == l.Id && e.Kind == EnrolmentKind.Main && e.IsActiveOn(Today));
            var membership = Assert.Single(d.GroupMemberships, m => m.LearnerId == l.Id);
            Assert.Equal(enrolment.SchoolId, groups[membership.GroupId].SchoolId);
            Assert.Contains(enrolment.YearGroup!.Value, groups[membership.GroupId].YearGroups);
        }
    }

    [Fact]
    public void Generate_Families_ShareGuardiansAndSomeParentsLiveApart()
    {
        var byLearner = d.LearnerGuardians.ToLookup(x => x.LearnerId);
        var guardians = d.Guardians.ToDictionary(g => g.Id);
        Assert.All(d.Learners, l => Assert.InRange(byLearner[l.Id].Count(), 1, 2));
        var twoParent = d.Learners.Where(l => byLearner[l.Id].Count() == 2).ToList();
        var apart = twoParent.Count(l => byLearner[l.Id].Select(x => guardians[x.GuardianId].Address.ToString()).Distinct().Count() == 2);
        Assert.InRange(apart / (double)twoParent.Count, 0.08, 0.25);
        // Siblings: a guardian with children at both schools.
        var schoolOf = d.Enrolments.ToDictionary(e => e.LearnerId, e => e.SchoolId);
        Assert.Contains(d.LearnerGuardians.GroupBy(x => x.GuardianId), g => g.Select(x => schoolOf[x.LearnerId]).Distinct().Count() == 2);
        // A child lives with one of its guardians.
        Assert.All(d.Learners, l => Assert.Contains(byLearner[l.Id], x => guardians[x.GuardianId].Address.ToString() == l.Address.ToString()));
    }

    [Fact]
    public void Generate_Demo_HasLearnersOver16AndOver18()
    {
        Assert.Contains(d.Learners, l => AgeOn(l.BirthDate!.Value, Today) is 16 or 17);
        Assert.Contains(d.Learners, l => AgeOn(l.BirthDate!.Value, Today) >= 18);
    }

    [Fact]
    public void Generate_Addresses_LookDutch()
    {
        foreach (var a in d.Learners.Select(l => l.Address).Concat(d.Guardians.Select(g => g.Address)))
        {
            Assert.True(PostalCode.IsValid(a.PostalCode), a.PostalCode);
            Assert.Matches("^[0-9]{4} [A-Z]{2}$", a.PostalCode);
            Assert.Contains(DemoPlaces.Cities, c => c.Name == a.City && c.MunicipalityCode == a.MunicipalityCode);
        }
    }

    [Fact]
    public void Generate_Staff_TeachersPerGroupAndCareAndAdminPerSchool()
    {
        var staff = d.Staff.ToDictionary(s => s.Id);
        foreach (var g in d.Groups)
        {
            var teachers = d.StaffGroups.Where(sg => sg.GroupId == g.Id).Select(sg => staff[sg.StaffId]).ToList();
            Assert.NotEmpty(teachers);
            Assert.All(teachers, t => Assert.Equal(StaffRole.Teacher, t.Role));
        }
        foreach (var s in d.Schools)
        {
            Assert.Contains(d.Staff, x => x.SchoolId == s.Id && x.Role == StaffRole.CareCoordinator);
            Assert.Contains(d.Staff, x => x.SchoolId == s.Id && x.Role == StaffRole.SchoolAdmin);
        }
        Assert.Equal(d.StaffGroups.Count, d.StaffGroups.Select(x => (x.StaffId, x.GroupId)).Distinct().Count());
    }

    [Fact]
    public void Generate_Demo_PicksAccountsForEveryDemoRole()
    {
        var roles = d.Accounts.Select(a => a.Role).ToHashSet();
        Assert.Superset(new HashSet<string> { Roles.PlatformAdmin, Roles.SchoolAdmin, Roles.Teacher, Roles.CareCoordinator, Roles.Guardian, Roles.Learner }, roles);
        Assert.Equal(d.Accounts.Count, d.Accounts.Select(a => a.Email).Distinct().Count());
        var learner = d.Learners.Single(l => l.Id == d.Accounts.Single(a => a.Role == Roles.Learner).LearnerId);
        Assert.True(AgeOn(learner.BirthDate!.Value, Today) >= 16);
        var parent = d.Accounts.Single(a => a.Email.StartsWith("ouder@", StringComparison.Ordinal)).GuardianId;
        Assert.Equal(2, d.LearnerGuardians.Where(x => x.GuardianId == parent)
            .Select(x => d.Enrolments.Single(e => e.LearnerId == x.LearnerId).SchoolId).Distinct().Count());
    }

    [Fact]
    public void Generate_Bench_MixesSectorsAroundTheAverageSize()
    {
        var bench = DemoDataGenerator.Generate(40, 11, Today);
        Assert.Equal(40, bench.Schools.Count);
        Assert.Empty(bench.Accounts);
        Assert.InRange(bench.Schools.Count(s => s.Sector == SchoolSector.Primary) / 40.0, 0.45, 0.75);
        Assert.InRange(bench.Learners.Count / 40.0, 200, 300);
        Assert.Equal(bench.Schools.Count, bench.Schools.Select(s => s.Code).Distinct().Count());
    }

    internal static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}
