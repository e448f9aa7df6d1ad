using System.Runtime.CompilerServices;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Tests.Vault.Consent;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebConsent = Leerkluis.Web.Features.Vault.Consent.Consent;

namespace Leerkluis.Tests.Platform;

/// <summary>
/// The matrix of shared/ACCESS.md, one row per cell, decided by the real AccessDecision on a real database:
/// every role × section × operation on the own learner (including the attendance officer of the home municipality and
/// a samenwerkingsverband holding a consent for every grantable section), plus other-school and no-relation learners
/// (always 404), consent in and out of time and sections, and the age rules.
/// </summary>
public sealed class AccessDecisionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const bool R = true, N = false;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Section, then Read/Write for: Self, Guardian, Teacher, CareCoordinator, SchoolAdmin, AttendanceOfficer (home
    // municipality), consent grantee (a samenwerkingsverband with a live consent naming every grantable section).
    // Portal cells are closed until the portal opens them.
    public static TheoryData<Section, bool[]> Matrix => new()
    {
        //                            Self   Guard  Teach  Care   Admin  Officer Grantee
        { Section.Personalia,        [R, N,  R, N,  R, N,  R, N,  R, R,  R, N,   R, N] },
        { Section.PersonalNumber,    [R, N,  R, N,  N, N,  R, N,  R, R,  R, N,   N, N] },
        { Section.Family,            [R, N,  R, N,  R, N,  R, N,  R, R,  R, N,   R, N] },
        { Section.Enrolment,         [R, N,  R, N,  R, N,  R, N,  R, R,  R, N,   N, N] },
        // The officer writes only to decide art. 14 leave over 10 days (the leave use case narrows it).
        { Section.Absence,           [R, N,  R, R,  R, R,  R, N,  R, R,  R, R,   R, N] },
        { Section.Medical,           [R, N,  R, R,  R, N,  R, N,  N, N,  N, N,   R, N] },
        { Section.Invoices,          [N, N,  R, N,  N, N,  N, N,  R, R,  N, N,   N, N] },
        { Section.Group,             [R, N,  R, N,  R, N,  R, N,  R, R,  N, N,   N, N] },
        { Section.Schedule,          [R, N,  R, N,  R, N,  R, N,  R, R,  N, N,   N, N] },
        { Section.Plans,             [N, N,  N, N,  R, N,  R, R,  N, N,  N, N,   R, N] },
        { Section.Reports,           [N, N,  N, N,  R, R,  R, N,  R, N,  N, N,   R, N] },
        { Section.MethodTests,       [N, N,  N, N,  R, R,  R, N,  N, N,  N, N,   R, N] },
        { Section.StandardizedTests, [N, N,  N, N,  R, R,  R, N,  N, N,  N, N,   R, N] },
        { Section.Notes,             [N, N,  N, N,  R, R,  R, R,  N, N,  N, N,   N, N] },
        { Section.CareNotes,         [N, N,  N, N,  R, N,  R, R,  N, N,  N, N,   R, N] },
        { Section.TransferDossier,   [R, N,  R, N,  N, N,  R, R,  R, N,  N, N,   N, N] },
        { Section.Documents,         [R, N,  R, N,  N, N,  R, R,  R, R,  N, N,   N, N] },
        { Section.AuditTrail,        [R, N,  R, N,  N, N,  N, N,  R, N,  N, N,   N, N] },
        // Self is the adult (manages own consent); the guardian's child is 11 (guardian manages it).
        { Section.Consent,           [R, R,  R, R,  N, N,  N, N,  N, N,  N, N,   N, N] },
    };

    [Fact]
    public void Matrix_CoversEverySectionAndEveryRole()
    {
        var rows = Matrix.Select(r => (Section)r.Data.Item1).ToList();
        Assert.Equal(Enum.GetValues<Section>().Order(), rows.Order());
        Assert.All(Matrix, r => Assert.Equal(14, r.Data.Item2.Length));
        // Every role either has a column above (or the learner's own), or never opens a single dossier.
        string[] withColumn = [Roles.Learner, Roles.Guardian, Roles.Teacher, Roles.CareCoordinator, Roles.SchoolAdmin, Roles.AttendanceOfficer, Roles.PartnerStaff];
        Assert.All(Roles.All, role => Assert.True(withColumn.Contains(role) ^ AccessMatrix.NeverReadsDossiers.Contains(role),
            $"{role} must have exactly one place: a column of the matrix or NeverReadsDossiers"));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Decide_EachRoleOnOwnLearner_MatchesAccessMd(Section section, bool[] expected)
    {
        var w = app.World;
        var cw = await ArrangeAsync();
        // Self is the adult learner; the guardian, staff, officer and grantee are decided on a minor (LearnerA).
        var cases = new (Actor actor, Guid learner, string who, Basis basis)[]
        {
            (Actor(w.AdultLearner, Roles.Learner, learnerId: w.Adult.Id), w.Adult.Id, "self", Basis.Self),
            (Actor(w.ParentA, Roles.Guardian, guardianId: w.GuardianA.Id), w.LearnerA.Id, "guardian", Basis.Guardian),
            (await StaffActor(w.TeacherA, Roles.Teacher), w.LearnerA.Id, "teacher", Basis.Enrolment),
            (await StaffActor(w.CareA, Roles.CareCoordinator), w.LearnerA.Id, "care coordinator", Basis.Enrolment),
            (await StaffActor(w.AdminA, Roles.SchoolAdmin), w.LearnerA.Id, "school admin", Basis.Enrolment),
            (OrgActor(cw.OfficerHome, cw.Utrecht), w.LearnerA.Id, "attendance officer of the home municipality", Basis.LegalDuty),
            (OrgActor(cw.Partner, cw.Swv), w.LearnerA.Id, "samenwerkingsverband with consent", Basis.Consent),
        };
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessDecision>();
        for (var i = 0; i < cases.Length; i++)
        {
            var (actor, learner, who, basis) = cases[i];
            var read = await access.DecideAsync(actor, learner, section, Operation.Read, Ct);
            var write = await access.DecideAsync(actor, learner, section, Operation.Write, Ct);
            Assert.True(expected[2 * i] == read.Allowed, $"{who} read {section}: expected {(expected[2 * i] ? "allow" : "deny")}");
            Assert.True(expected[2 * i + 1] == write.Allowed, $"{who} write {section}: expected {(expected[2 * i + 1] ? "allow" : "deny")}");
            if (read.Allowed) Assert.Equal(basis, read.Basis);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Decide_OtherSchoolOrNoRelation_AlwaysDenied(Section section, bool[] matrixRow)
    {
        Assert.Equal(14, matrixRow.Length);
        var w = app.World;
        var cw = await ArrangeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessDecision>();
        var denied = new (Actor, Guid, string)[]
        {
            (await StaffActor(w.AdminA, Roles.SchoolAdmin), w.LearnerB.Id, "admin of other school"),
            (await StaffActor(w.CareA, Roles.CareCoordinator), w.LearnerB.Id, "care coordinator of other school"),
            (await StaffActor(w.TeacherA, Roles.Teacher), w.LearnerA7.Id, "teacher, learner not in own group"),
            (Actor(w.ParentB, Roles.Guardian, guardianId: Guid.NewGuid()), w.LearnerA.Id, "guardian without relation"),
            (Actor(w.AdultLearner, Roles.Learner, learnerId: w.Adult.Id), w.LearnerA.Id, "another learner"),
            (Actor(w.PlatformAdmin, Roles.PlatformAdmin), w.LearnerA.Id, "platform admin"),
            (OrgActor(cw.OfficerOther, cw.Amersfoort), w.LearnerA.Id, "attendance officer of another municipality"),
            (OrgActor(cw.PartnerElsewhere, cw.SwvElsewhere), w.LearnerA.Id, "samenwerkingsverband without consent"),
            (OrgActor(cw.Partner, cw.Swv), w.LearnerB.Id, "samenwerkingsverband, consent for another learner only"),
            (OrgActor(cw.Inspector, cw.Inspectorate), w.LearnerA.Id, "inspector (aggregates only)"),
            (new Actor(cw.BoardAnalyst.UserId, Roles.BoardAnalyst, null, w.SchoolA.Id, null, null, "127.0.0.1"), w.LearnerA.Id, "board analyst (aggregates only)"),
            (Leerkluis.Web.Platform.Access.Actor.Anonymous, w.LearnerA.Id, "anonymous"),
        };
        foreach (var (actor, learner, who) in denied)
            foreach (var op in new[] { Operation.Read, Operation.Write })
                Assert.False((await access.DecideAsync(actor, learner, section, op, Ct)).Allowed, $"{who} {op} {section} must be denied");
    }

    [Fact]
    public async Task Decide_ConsentGrantee_ReadsOnlyLiveGrantedSections()
    {
        var w = app.World;
        var cw = await ArrangeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessDecision>();
        var partner = OrgActor(cw.Partner, cw.Swv);
        // LearnerA7: live consent for Personalia and Medical; Family only in an expired one; Absence only in a revoked one.
        async Task<bool> Reads(Section s) => (await access.DecideAsync(partner, w.LearnerA7.Id, s, Operation.Read, Ct)).Allowed;
        Assert.True(await Reads(Section.Personalia), "within sections and time");
        Assert.True(await Reads(Section.Medical), "within sections and time");
        Assert.False(await Reads(Section.Family), "consent expired yesterday");
        Assert.False(await Reads(Section.Absence), "consent revoked");
        Assert.False(await Reads(Section.Plans), "outside the granted sections");
        Assert.False(await Reads(Section.PersonalNumber), "the PGN never goes to a samenwerkingsverband");
        Assert.False((await access.DecideAsync(partner, w.LearnerA7.Id, Section.Personalia, Operation.Write, Ct)).Allowed, "consent never writes");
        // The officer of the home municipality reads by legal duty, but no more than the LegalDuty column.
        var officer = OrgActor(cw.OfficerHome, cw.Utrecht);
        Assert.Equal(Basis.LegalDuty, (await access.DecideAsync(officer, w.LearnerA7.Id, Section.Absence, Operation.Read, Ct)).Basis);
        Assert.False((await access.DecideAsync(officer, w.LearnerA7.Id, Section.Medical, Operation.Read, Ct)).Allowed);
    }

    [Fact]
    public async Task Decide_LearnerOf16_ManagesConsentNotTheGuardian()
    {
        var w = app.World;
        var cw = await ArrangeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessDecision>();
        var teen = Actor(cw.TeenLearner, Roles.Learner, learnerId: cw.Teen.Id);
        var parent = Actor(w.ParentA, Roles.Guardian, guardianId: w.GuardianA.Id);
        var child = Actor(w.ParentA, Roles.Learner, learnerId: w.LearnerA.Id); // LearnerA (11) acting for themself
        Assert.True((await access.DecideAsync(teen, cw.Teen.Id, Section.Consent, Operation.Write, Ct)).Allowed, "16: the learner manages consent");
        Assert.False((await access.DecideAsync(parent, cw.Teen.Id, Section.Consent, Operation.Write, Ct)).Allowed, "16: the guardian no longer grants");
        Assert.True((await access.DecideAsync(parent, cw.Teen.Id, Section.Consent, Operation.Read, Ct)).Allowed, "until 18 the guardian still sees the consents");
        Assert.True((await access.DecideAsync(parent, cw.Teen.Id, Section.Personalia, Operation.Read, Ct)).Allowed, "until 18 the guardian basis holds");
        Assert.False((await access.DecideAsync(child, w.LearnerA.Id, Section.Consent, Operation.Write, Ct)).Allowed, "11: not the learner");
        Assert.True((await access.DecideAsync(parent, w.LearnerA.Id, Section.Consent, Operation.Write, Ct)).Allowed, "11: the guardian");
    }

    [Fact]
    public async Task Decide_GuardianOfAdult_SeesOnlyWhatTheLearnerGranted()
    {
        var w = app.World;
        await ArrangeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var link = db.LearnerGuardians.Single(lg => lg.LearnerId == w.Adult.Id);
        var access = scope.ServiceProvider.GetRequiredService<AccessDecision>();
        var guardian = new Actor(Guid.NewGuid(), Roles.Guardian, null, null, link.GuardianId, null, null);
        var medical = await access.DecideAsync(guardian, w.Adult.Id, Section.Medical, Operation.Read, Ct);
        Assert.True(medical.Allowed);
        Assert.Equal(Basis.Consent, medical.Basis);
        Assert.False((await access.DecideAsync(guardian, w.Adult.Id, Section.Medical, Operation.Write, Ct)).Allowed);
        Assert.False((await access.DecideAsync(guardian, w.Adult.Id, Section.Personalia, Operation.Read, Ct)).Allowed);
        Assert.False((await access.DecideAsync(guardian, w.Adult.Id, Section.Consent, Operation.Read, Ct)).Allowed);
    }

    [Theory]
    [InlineData(null, true, false, true)]
    [InlineData(15, true, false, true)]
    [InlineData(16, false, true, true)]
    [InlineData(17, false, true, true)]
    [InlineData(18, false, true, false)]
    public void AgeRules_AtAge_DecideWhoManagesConsent(int? age, bool guardianManages, bool learnerManages, bool guardianBasis)
    {
        Assert.Equal(guardianManages, AgeRules.MayManageConsent(Relation.Guardian, age));
        Assert.Equal(learnerManages, AgeRules.MayManageConsent(Relation.Self, age));
        Assert.Equal(guardianBasis, AgeRules.GuardianBasisHolds(age));
        Assert.False(AgeRules.MayManageConsent(Relation.SchoolAdmin, age));
    }

    [Fact]
    public void ReceivingSchoolColumn_MatchesAccessMd()
    {
        // The Transfer basis is derived once the transfer slice records pending transfers; its column is fixed here.
        Section[] reads = [Section.Personalia, Section.PersonalNumber, Section.Family, Section.Enrolment, Section.Absence, Section.Medical,
            Section.Plans, Section.Reports, Section.MethodTests, Section.StandardizedTests, Section.TransferDossier];
        foreach (var s in Enum.GetValues<Section>())
            Assert.Equal(reads.Contains(s) ? Grant.Read : Grant.None, AccessMatrix.GrantFor(Relation.ReceivingSchool, s));
    }

    [Fact]
    public void Grantable_IsTheAsGrantedColumnAndNeverThePersonalNumber()
    {
        Assert.Equal([Section.Personalia, Section.Family, Section.Absence, Section.Medical, Section.Plans, Section.Reports,
            Section.MethodTests, Section.StandardizedTests, Section.CareNotes], AccessMatrix.Grantable);
        Assert.DoesNotContain(Section.PersonalNumber, AccessMatrix.Grantable);
    }

    private static Actor OrgActor(TestUser u, Organisation org) =>
        new(u.UserId, u.Role, null, null, null, null, "127.0.0.1", org.Id, org.MunicipalityCode);

    private static readonly ConditionalWeakTable<SqliteApp, Task<ConsentWorld>> Arranged = new();

    /// <summary>
    /// The consent world plus consents: Swv holds a live consent for every grantable section of LearnerA; for LearnerA7
    /// a live one (Personalia, Medical), an expired one (Family) and a revoked one (Absence); the adult granted their
    /// guardian Medical.
    /// </summary>
    private Task<ConsentWorld> ArrangeAsync()
    {
        lock (Arranged) return Arranged.GetValue(app, async a =>
        {
            var cw = await ConsentWorld.EnsureAsync(a);
            var w = a.World;
            await using var scope = a.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
            var today = TestWorld.Today;
            WebConsent C(Guid learner, Section[] sections, DateOnly until, Guid? org = null, Guid? guardian = null, bool revoked = false) => new()
            {
                LearnerId = learner, Id = Guid.CreateVersion7(), OrganisationId = org, GuardianId = guardian, Sections = [.. sections],
                Purpose = "Test", GrantedByUserId = w.ParentA.UserId, GrantedUtc = DateTime.UtcNow.AddDays(-40), ValidUntil = until,
                RevokedUtc = revoked ? DateTime.UtcNow.AddDays(-1) : null, RevokedByUserId = revoked ? w.ParentA.UserId : null,
            };
            var adultGuardian = db.LearnerGuardians.Single(lg => lg.LearnerId == w.Adult.Id).GuardianId;
            db.Set<WebConsent>().AddRange(
                C(w.LearnerA.Id, [.. AccessMatrix.Grantable], today.AddDays(30), org: cw.Swv.Id),
                C(w.LearnerA7.Id, [Section.Personalia, Section.Medical], today, org: cw.Swv.Id),
                C(w.LearnerA7.Id, [Section.Family], today.AddDays(-1), org: cw.Swv.Id),
                C(w.LearnerA7.Id, [Section.Absence], today.AddDays(30), org: cw.Swv.Id, revoked: true),
                C(w.Adult.Id, [Section.Medical], today.AddDays(30), guardian: adultGuardian));
            await db.SaveChangesAsync();
            return cw;
        });
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
