using System.Runtime.CompilerServices;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Careers;

/// <summary>
/// The careers arrangement on top of TestWorld: two desks with one region each, an advisor per desk, and a candidate
/// with a portal log-in in region A. Created once per application fixture.
/// </summary>
public sealed class CareersWorld
{
    public const string WebsiteOrigin = "https://www.regio-a.test";
    private static readonly ConditionalWeakTable<LeerkluisApp, Task<CareersWorld>> Worlds = new();

    public required Region RegionA { get; init; }
    public required Region RegionB { get; init; }
    public required TestUser AdvisorA { get; init; }
    public required TestUser AdvisorB { get; init; }
    public required TestUser CandidateUser { get; init; }
    public required Guid CandidateOfA { get; init; }

    public static Task<CareersWorld> ForAsync(LeerkluisApp app) => Worlds.GetValue(app, a => CreateAsync(a.Services));

    private static async Task<CareersWorld> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LeerkluisDb>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var deskA = new Organisation { Id = Guid.NewGuid(), Name = "Regioloket Testregio A", Kind = OrganisationKind.RegionalDesk };
        var deskB = new Organisation { Id = Guid.NewGuid(), Name = "Regioloket Testregio B", Kind = OrganisationKind.RegionalDesk };
        var regionA = new Region { Id = Guid.CreateVersion7(), Name = "Testregio A", DeskOrganisationId = deskA.Id, IntakeKey = "sleutel-a-" + Guid.NewGuid().ToString("N")[..8], AllowedOrigins = WebsiteOrigin };
        var regionB = new Region { Id = Guid.CreateVersion7(), Name = "Testregio B", DeskOrganisationId = deskB.Id, IntakeKey = "sleutel-b-" + Guid.NewGuid().ToString("N")[..8] };
        db.AddRange(deskA, deskB);
        db.AddRange(regionA, regionB);
        await db.SaveChangesAsync();

        Task<TestUser> U(string email, string role, bool twoFactor, Guid? org) =>
            TestWorld.CreateUserAsync(users, email, role, twoFactor, u => u.OrganisationId = org, email.Split('@')[0]);
        var advisorA = await U("adviseur.a@test.invalid", Roles.RegionalAdvisor, true, deskA.Id);
        var advisorB = await U("adviseur.b@test.invalid", Roles.RegionalAdvisor, true, deskB.Id);
        var candidateUser = await U("overstapper@test.invalid", Roles.Candidate, false, null);

        var now = DateTime.UtcNow;
        var candidate = new Candidate
        {
            Id = Guid.CreateVersion7(), RegionId = regionA.Id, FirstName = "Olaf", LastName = "Overstapper", Email = "overstapper@test.invalid",
            Phone = "06 11112222", UserId = candidateUser.UserId, OwnerUserId = advisorA.UserId, OwnerName = "adviseur.a",
            Subjects = ["wiskunde"], InterestVo = true, EducationLevel = EducationLevel.Wo, HoursPerWeek = 24, AvailableFrom = DateOnly.FromDateTime(now),
            ConsentUtc = now, ConsentPurpose = CandidateCommands.DefaultConsentPurpose, PhaseSinceUtc = now, CreatedUtc = now,
        };
        CandidateWrite.Rekey(candidate);
        db.Add(candidate);
        db.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = candidate.Id, To = Phase.Interest, AtUtc = now, AuthorName = "adviseur.a" });
        await db.SaveChangesAsync();
        return new CareersWorld { RegionA = regionA, RegionB = regionB, AdvisorA = advisorA, AdvisorB = advisorB, CandidateUser = candidateUser, CandidateOfA = candidate.Id };
    }

    /// <summary>A further candidate with a portal log-in in region A (for tests that erase or change them).</summary>
    public static async Task<(TestUser User, Guid CandidateId)> NewCandidateAsync(LeerkluisApp app, Region region, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, TestWorld.Password));
        Check(await users.AddToRoleAsync(user, Roles.Candidate));
        var now = DateTime.UtcNow;
        var candidate = new Candidate { Id = Guid.CreateVersion7(), RegionId = region.Id, FirstName = "Erik", LastName = "Wisser", Email = email, UserId = user.Id,
            ConsentUtc = now, ConsentPurpose = CandidateCommands.DefaultConsentPurpose, PhaseSinceUtc = now, CreatedUtc = now };
        CandidateWrite.Rekey(candidate);
        db.Add(candidate);
        db.Add(new ContactMoment { Id = Guid.CreateVersion7(), CandidateId = candidate.Id, Kind = ContactKind.Call, AtUtc = now, AuthorName = "adviseur.a", Summary = "Kennismaking" });
        await db.SaveChangesAsync();
        return (new TestUser(email, Roles.Candidate, null, user.Id), candidate.Id);
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
