using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Leerkluis.Tests.Vault.Rights;

/// <summary>What the rights tests add to the shared world: a classmate of LearnerA (group 8 at A) with a parent who can log in.</summary>
public sealed record ClassmateFamily(Learner Learner, TestUser Parent);

public static class RightsWorld
{
    public static async Task<ClassmateFamily> AddClassmateAsync(LeerkluisApp app, string firstName, string lastName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var w = app.World;
        var learner = new Learner
        {
            Id = Guid.CreateVersion7(), FirstNames = firstName, LastName = lastName, BirthDate = TestWorld.Today.AddYears(-11).AddDays(-40),
            Address = new Address { Street = "Klasweg", HouseNumber = "8", PostalCode = "3511 BB", City = "Utrecht" },
        };
        var guardian = new Guardian { Id = Guid.NewGuid(), FirstName = "Ouder", LastName = lastName, Email = $"ouder.{Guid.NewGuid():N}@test.invalid" };
        db.AddRange(learner, guardian);
        db.Enrolments.Add(new Enrolment { LearnerId = learner.Id, Id = Guid.CreateVersion7(), SchoolId = w.SchoolA.Id, StartDate = TestWorld.Today.AddYears(-1) });
        db.GroupMemberships.Add(new GroupMembership { LearnerId = learner.Id, Id = Guid.CreateVersion7(), GroupId = w.GroupA8.Id });
        db.LearnerGuardians.Add(new LearnerGuardian { LearnerId = learner.Id, Id = Guid.CreateVersion7(), GuardianId = guardian.Id });
        await db.SaveChangesAsync();

        var user = new AppUser { Id = Guid.NewGuid(), UserName = guardian.Email, Email = guardian.Email, EmailConfirmed = true, DisplayName = guardian.Email, CreatedUtc = DateTime.UtcNow, GuardianId = guardian.Id };
        Check(await users.CreateAsync(user, TestWorld.Password));
        Check(await users.AddToRoleAsync(user, Roles.Guardian));
        return new ClassmateFamily(learner, new TestUser(guardian.Email!, Roles.Guardian, null, user.Id));
    }

    /// <summary>Mails written to the test outbox, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> Outbox(LeerkluisApp app) =>
        Directory.Exists(app.OutboxFolder)
            ? Directory.GetFiles(app.OutboxFolder, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
