using System.Runtime.CompilerServices;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Vault.Consent;

/// <summary>
/// What the consent tests add to the invented <see cref="TestWorld"/>, once per fixture: two municipalities with an
/// attendance officer each (the test learners live in 0344), two samenwerkingsverbanden with partner staff, an
/// inspectorate, and a 16-year-old learner at school A with guardian ParentA and an own log-in.
/// </summary>
public sealed class ConsentWorld
{
    public const string HomeMunicipality = "0344";
    private static readonly ConditionalWeakTable<LeerkluisApp, Task<ConsentWorld>> Worlds = new();

    public required Organisation Utrecht { get; init; }
    public required Organisation Amersfoort { get; init; }
    public required Organisation Swv { get; init; }
    public required Organisation SwvElsewhere { get; init; }
    public required Organisation Inspectorate { get; init; }
    public required TestUser OfficerHome { get; init; }      // attendance officer of 0344, the learners' home
    public required TestUser OfficerOther { get; init; }     // attendance officer of 0307
    public required TestUser Partner { get; init; }          // staff of Swv
    public required TestUser PartnerElsewhere { get; init; } // staff of SwvElsewhere
    public required TestUser Inspector { get; init; }
    public required TestUser BoardAnalyst { get; init; }
    public required Learner Teen { get; init; }              // 16, group 8 at school A, guardian GuardianA
    public required TestUser TeenLearner { get; init; }

    public static Task<ConsentWorld> EnsureAsync(LeerkluisApp app)
    {
        lock (Worlds) return Worlds.GetValue(app, a => CreateAsync(a.Services, a.World));
    }

    private static async Task<ConsentWorld> CreateAsync(IServiceProvider services, TestWorld w)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LeerkluisDb>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();

        Organisation O(string name, OrganisationKind kind, string? code = null) => new() { Id = Guid.NewGuid(), Name = name, Kind = kind, MunicipalityCode = code };
        var utrecht = O("Gemeente Utrecht", OrganisationKind.Municipality, HomeMunicipality);
        var amersfoort = O("Gemeente Amersfoort", OrganisationKind.Municipality, "0307");
        var swv = O("Samenwerkingsverband Testregio", OrganisationKind.SupportPartnership);
        var swv2 = O("Samenwerkingsverband Elders", OrganisationKind.SupportPartnership);
        var inspectorate = O("Inspectie van het Onderwijs", OrganisationKind.Inspectorate);
        db.AddRange(utrecht, amersfoort, swv, swv2, inspectorate);

        var today = TestWorld.Today;
        var teen = new Learner
        {
            Id = Guid.CreateVersion7(), FirstNames = "Jesse", LastName = "de Testvries", BirthDate = today.AddYears(-16).AddDays(-10),
            Address = new Address { Street = "Teststraat", HouseNumber = "1", PostalCode = "3511 AA", City = "Utrecht", MunicipalityCode = HomeMunicipality },
        };
        db.Learners.Add(teen);
        db.Enrolments.Add(new Enrolment { LearnerId = teen.Id, Id = Guid.CreateVersion7(), SchoolId = w.SchoolA.Id, StartDate = today.AddYears(-1) });
        db.GroupMemberships.Add(new GroupMembership { LearnerId = teen.Id, Id = Guid.CreateVersion7(), GroupId = w.GroupA8.Id });
        db.LearnerGuardians.Add(new LearnerGuardian { LearnerId = teen.Id, Id = Guid.CreateVersion7(), GuardianId = w.GuardianA.Id });
        await db.SaveChangesAsync();

        Task<TestUser> U(string email, string role, bool twoFactor, Action<AppUser> link) => TestWorld.CreateUserAsync(users, email, role, twoFactor, link);

        return new ConsentWorld
        {
            Utrecht = utrecht, Amersfoort = amersfoort, Swv = swv, SwvElsewhere = swv2, Inspectorate = inspectorate, Teen = teen,
            OfficerHome = await U("lpa.utrecht@test.invalid", Roles.AttendanceOfficer, true, u => u.OrganisationId = utrecht.Id),
            OfficerOther = await U("lpa.amersfoort@test.invalid", Roles.AttendanceOfficer, true, u => u.OrganisationId = amersfoort.Id),
            Partner = await U("medewerker@swv.test.invalid", Roles.PartnerStaff, true, u => u.OrganisationId = swv.Id),
            PartnerElsewhere = await U("medewerker@swv-elders.test.invalid", Roles.PartnerStaff, true, u => u.OrganisationId = swv2.Id),
            Inspector = await U("inspecteur@test.invalid", Roles.Inspector, true, u => u.OrganisationId = inspectorate.Id),
            BoardAnalyst = await U("bestuur@test.invalid", Roles.BoardAnalyst, true, _ => { }),
            TeenLearner = await U("jesse@test.invalid", Roles.Learner, false, u => u.LearnerId = teen.Id),
        };
    }
}
