using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Platform;

/// <summary>
/// The matrix of shared/ACCESS.md, one row per cell, decided by the real AccessDecision on a real database:
/// every role × section × operation on the own learner, plus other-school and no-relation learners (always 404).
/// </summary>
public sealed class AccessDecisionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const bool R = true, N = false;

    // Section, then Read/Write for: Self, Guardian, Teacher, CareCoordinator, SchoolAdmin (Portal cells are closed until the portal opens them).
    public static TheoryData<Section, bool[]> Matrix => new()
    {
        { Section.Personalia,        [R, N,   R, N,   R, N,   R, N,   R, R] },
        { Section.PersonalNumber,    [R, N,   R, N,   N, N,   R, N,   R, R] },
        { Section.Family,            [R, N,   R, N,   R, N,   R, N,   R, R] },
        { Section.Enrolment,         [R, N,   R, N,   R, N,   R, N,   R, R] },
        { Section.Absence,           [R, N,   R, R,   R, R,   R, N,   R, R] },
        { Section.Medical,           [R, N,   R, R,   R, N,   R, N,   N, N] },
        { Section.Invoices,          [N, N,   R, N,   N, N,   N, N,   R, R] },
        { Section.Group,             [R, N,   R, N,   R, N,   R, N,   R, R] },
        { Section.Schedule,          [R, N,   R, N,   R, N,   R, N,   R, R] },
        { Section.Plans,             [N, N,   N, N,   R, N,   R, R,   N, N] },
        { Section.Reports,           [N, N,   N, N,   R, R,   R, N,   R, N] },
        { Section.MethodTests,       [N, N,   N, N,   R, R,   R, N,   N, N] },
        { Section.StandardizedTests, [N, N,   N, N,   R, R,   R, N,   N, N] },
        { Section.Notes,             [N, N,   N, N,   R, R,   R, R,   N, N] },
        { Section.CareNotes,         [N, N,   N, N,   R, N,   R, R,   N, N] },
        { Section.TransferDossier,   [R, N,   R, N,   N, N,   R, R,   R, N] },
        { Section.Documents,         [R, N,   R, N,   N, N,   R, R,   R, R] },
        { Section.AuditTrail,        [R, N,   R, N,   N, N,   N, N,   R, N] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Decide_EachRoleOnOwnLearner_MatchesAccessMd(Section section, bool[] expected)
    {
        var w = app.World;
        // Self is the adult learner; the adult's guardian is decided on a minor (LearnerA) with ParentA.
        var cases = new (Actor actor, Guid learner, string who)[]
        {
            (Actor(w.AdultLearner, Roles.Learner, learnerId: w.Adult.Id), w.Adult.Id, "self"),
            (Actor(w.ParentA, Roles.Guardian, guardianId: w.GuardianA.Id), w.LearnerA.Id, "guardian"),
            (await StaffActor(w.TeacherA, Roles.Teacher), w.LearnerA.Id, "teacher"),
            (await StaffActor(w.CareA, Roles.CareCoordinator), w.LearnerA.Id, "care coordinator"),
            (await StaffActor(w.AdminA, Roles.SchoolAdmin), w.LearnerA.Id, "school admin"),
        };
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessDecision>();
        for (var i = 0; i < cases.Length; i++)
        {
            var (actor, learner, who) = cases[i];
            var read = await access.DecideAsync(actor, learner, section, Operation.Read, TestContext.Current.CancellationToken);
            var write = await access.DecideAsync(actor, learner, section, Operation.Write, TestContext.Current.CancellationToken);
            Assert.True(expected[2 * i] == read.Allowed, $"{who} read {section}: expected {(expected[2 * i] ? "allow" : "deny")}");
            Assert.True(expected[2 * i + 1] == write.Allowed, $"{who} write {section}: expected {(expected[2 * i + 1] ? "allow" : "deny")}");
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Decide_OtherSchoolOrNoRelation_AlwaysDenied(Section section, bool[] matrixRow)
    {
        Assert.Equal(10, matrixRow.Length);
        var w = app.World;
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessDecision>();
        var ct = TestContext.Current.CancellationToken;
        var denied = new (Actor, Guid, string)[]
        {
            (await StaffActor(w.AdminA, Roles.SchoolAdmin), w.LearnerB.Id, "admin of other school"),
            (await StaffActor(w.CareA, Roles.CareCoordinator), w.LearnerB.Id, "care coordinator of other school"),
            (await StaffActor(w.TeacherA, Roles.Teacher), w.LearnerA7.Id, "teacher, learner not in own group"),
            (Actor(w.ParentB, Roles.Guardian, guardianId: Guid.NewGuid()), w.LearnerA.Id, "guardian without relation"),
            (Actor(w.AdultLearner, Roles.Learner, learnerId: w.Adult.Id), w.LearnerA.Id, "another learner"),
            (Actor(w.PlatformAdmin, Roles.PlatformAdmin), w.LearnerA.Id, "platform admin"),
            (Leerkluis.Web.Platform.Access.Actor.Anonymous, w.LearnerA.Id, "anonymous"),
        };
        foreach (var (actor, learner, who) in denied)
            foreach (var op in new[] { Operation.Read, Operation.Write })
                Assert.False((await access.DecideAsync(actor, learner, section, op, ct)).Allowed, $"{who} {op} {section} must be denied");
    }

    [Fact]
    public async Task Decide_GuardianOfAdult_Denied()
    {
        var w = app.World;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var link = db.LearnerGuardians.Single(lg => lg.LearnerId == w.Adult.Id);
        var access = scope.ServiceProvider.GetRequiredService<AccessDecision>();
        var guardian = new Actor(Guid.NewGuid(), Roles.Guardian, null, null, link.GuardianId, null, null);
        Assert.False((await access.DecideAsync(guardian, w.Adult.Id, Section.Personalia, Operation.Read, TestContext.Current.CancellationToken)).Allowed);
    }

    private static Actor Actor(TestUser u, string role, Guid? guardianId = null, Guid? learnerId = null) =>
        new(u.UserId, role, null, null, guardianId, learnerId, "127.0.0.1");

    private async Task<Actor> StaffActor(TestUser u, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var user = await db.Users.FindAsync(u.UserId);
        var staff = await db.Staff.FindAsync(user!.StaffId);
        return new Actor(u.UserId, role, staff!.Id, staff.SchoolId, null, null, "127.0.0.1");
    }
}
