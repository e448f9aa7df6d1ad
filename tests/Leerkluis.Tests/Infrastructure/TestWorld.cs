using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Infrastructure;

public sealed record TestUser(string Email, string Role, string? AuthenticatorKey, Guid UserId);

/// <summary>
/// A small invented world arranged directly in the database (the arrangement, not the system under test):
/// two schools of one board, groups, staff with two-factor, learners with guardians.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test-wachtwoord-123";
    // The app's "today" is Amsterdam's (Amsterdam.Today); a UTC date is yesterday for an hour or two each night.
    public static readonly DateOnly Today = Amsterdam.Today(TimeProvider.System);
    public static readonly int Year = SchoolYear.Containing(Today).StartYear;

    public required School SchoolA { get; init; }
    public required School SchoolB { get; init; }
    public required Group GroupA8 { get; init; }
    public required Group GroupA7 { get; init; }
    public required Group GroupB1 { get; init; }
    public required Learner LearnerA { get; init; }      // group 8 at school A, guardian GuardianA
    public required Learner LearnerA7 { get; init; }     // group 7 at school A (not taught by TeacherA)
    public required Learner LearnerB { get; init; }      // at school B
    public required Learner Adult { get; init; }         // 18, at school B, has own log-in
    public required Guardian GuardianA { get; init; }
    public required TestUser AdminA { get; init; }
    public required TestUser TeacherA { get; init; }    // teaches group 8 at A
    public required TestUser CareA { get; init; }
    public required TestUser AdminB { get; init; }
    public required TestUser ParentA { get; init; }     // guardian of LearnerA
    public required TestUser ParentB { get; init; }     // guardian of LearnerB only
    public required TestUser PlatformAdmin { get; init; }
    public required TestUser AdultLearner { get; init; }

    public static async Task<TestWorld> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LeerkluisDb>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var roles = sp.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));

        var board = new Board { Id = Guid.NewGuid(), Name = "Stichting Testscholen" };
        var a = new School { Id = Guid.NewGuid(), BoardId = board.Id, Brin = "99AA", LocationCode = "00", Name = "Basisschool De Testboom", Sector = SchoolSector.Primary, MunicipalityCode = "0344" };
        var b = new School { Id = Guid.NewGuid(), BoardId = board.Id, Brin = "99BB", LocationCode = "00", Name = "Testcollege", Sector = SchoolSector.Secondary, MunicipalityCode = "0307" };
        var a8 = new Group { Id = Guid.NewGuid(), SchoolId = a.Id, SchoolYearStart = Year, Name = "8", YearGroups = [8] };
        var a7 = new Group { Id = Guid.NewGuid(), SchoolId = a.Id, SchoolYearStart = Year, Name = "7", YearGroups = [7] };
        var b1 = new Group { Id = Guid.NewGuid(), SchoolId = b.Id, SchoolYearStart = Year, Name = "1A", YearGroups = [1] };
        db.AddRange(board, a, b, a8, a7, b1);

        Learner L(string first, string last, DateOnly born, string? number) => new()
        {
            Id = Guid.CreateVersion7(), FirstNames = first, LastName = last, BirthDate = born, PersonalNumber = number,
            PersonalNumberKind = number is null ? null : PersonalNumber.Check(number).Number!.Value.Kind,
            PersonalNumberLastFour = number?[^4..], Address = new Address { Street = "Teststraat", HouseNumber = "1", PostalCode = "3511 AA", City = "Utrecht", MunicipalityCode = "0344" },
        };
        var la = L("Sanne", "de Testvries", Today.AddYears(-11), "111222333");
        var la7 = L("Daan", "Proefmans", Today.AddYears(-10), null);
        var lb = L("Noor", "Bakker-Test", Today.AddYears(-12), "123456782");
        var adult = L("Mila", "Volwassen", Today.AddYears(-18).AddDays(-3), "101222331");
        db.AddRange(la, la7, lb, adult);
        foreach (var l in new[] { la, lb, adult })
            db.PersonalNumberClaims.Add(new PersonalNumberClaim { PersonalNumber = l.PersonalNumber!, LearnerId = l.Id });
        void Enrol(Learner l, School s, Group g)
        {
            db.Enrolments.Add(new Enrolment { LearnerId = l.Id, Id = Guid.CreateVersion7(), SchoolId = s.Id, StartDate = Today.AddYears(-1), Kind = EnrolmentKind.Main });
            db.GroupMemberships.Add(new GroupMembership { LearnerId = l.Id, Id = Guid.CreateVersion7(), GroupId = g.Id });
        }
        Enrol(la, a, a8); Enrol(la7, a, a7); Enrol(lb, b, b1); Enrol(adult, b, b1);

        var ga = new Guardian { Id = Guid.NewGuid(), FirstName = "Eva", LastName = "de Testvries", Email = "ouder.a@test.invalid" };
        var gb = new Guardian { Id = Guid.NewGuid(), FirstName = "Tom", LastName = "Bakker", Email = "ouder.b@test.invalid" };
        var gAdult = new Guardian { Id = Guid.NewGuid(), FirstName = "Kees", LastName = "Volwassen", Email = "ouder.volw@test.invalid" };
        db.AddRange(ga, gb, gAdult);
        db.LearnerGuardians.Add(new LearnerGuardian { LearnerId = la.Id, Id = Guid.CreateVersion7(), GuardianId = ga.Id });
        db.LearnerGuardians.Add(new LearnerGuardian { LearnerId = lb.Id, Id = Guid.CreateVersion7(), GuardianId = gb.Id });
        db.LearnerGuardians.Add(new LearnerGuardian { LearnerId = adult.Id, Id = Guid.CreateVersion7(), GuardianId = gAdult.Id });

        Staff S(School s, string last, StaffRole role) => new() { Id = Guid.NewGuid(), SchoolId = s.Id, LastName = last, Email = $"{last.ToLowerInvariant()}@test.invalid", Role = role };
        var adminA = S(a, "AdminA", StaffRole.SchoolAdmin);
        var teacherA = S(a, "TeacherA", StaffRole.Teacher);
        var careA = S(a, "CareA", StaffRole.CareCoordinator);
        var adminB = S(b, "AdminB", StaffRole.SchoolAdmin);
        db.AddRange(adminA, teacherA, careA, adminB);
        db.StaffGroups.Add(new StaffGroup { StaffId = teacherA.Id, GroupId = a8.Id });
        await db.SaveChangesAsync();

        Task<TestUser> U(string email, string role, bool twoFactor, Action<AppUser> link) => CreateUserAsync(users, email, role, twoFactor, link);

        return new TestWorld
        {
            SchoolA = a, SchoolB = b, GroupA8 = a8, GroupA7 = a7, GroupB1 = b1,
            LearnerA = la, LearnerA7 = la7, LearnerB = lb, Adult = adult, GuardianA = ga,
            AdminA = await U("admin.a@test.invalid", Roles.SchoolAdmin, true, u => u.StaffId = adminA.Id),
            TeacherA = await U("teacher.a@test.invalid", Roles.Teacher, true, u => u.StaffId = teacherA.Id),
            CareA = await U("care.a@test.invalid", Roles.CareCoordinator, true, u => u.StaffId = careA.Id),
            AdminB = await U("admin.b@test.invalid", Roles.SchoolAdmin, true, u => u.StaffId = adminB.Id),
            ParentA = await U(ga.Email!, Roles.Guardian, false, u => u.GuardianId = ga.Id),
            ParentB = await U(gb.Email!, Roles.Guardian, false, u => u.GuardianId = gb.Id),
            PlatformAdmin = await U("beheer@test.invalid", Roles.PlatformAdmin, true, _ => { }),
            AdultLearner = await U("mila@test.invalid", Roles.Learner, false, u => u.LearnerId = adult.Id),
        };
    }

    /// <summary>
    /// Arranges a log-in with the test password (and, for <paramref name="twoFactor"/>, an authenticator key) the way an
    /// invitation or the demo would. Other test worlds call this too.
    /// </summary>
    public static async Task<TestUser> CreateUserAsync(UserManager<AppUser> users, string email, string role, bool twoFactor,
        Action<AppUser>? link = null, string? displayName = null)
    {
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email, CreatedUtc = DateTime.UtcNow };
        link?.Invoke(user);
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestUser(email, role, key, user.Id);
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
