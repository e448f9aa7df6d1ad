using Leerkluis.Web.Platform.Audit;
using Leerkluis.Demo.Edexml;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Edexml;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Leerkluis.Tests.Edexml;

/// <summary>The import registers learners through Registry's rule that a child is never registered twice.</summary>
public sealed class EdexmlRegistryRuleTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Fact]
    public void Check_NumberHeldOrWantedTwice_RefusesTheLaterOnes()
    {
        var a = Guid.NewGuid(); var b = Guid.NewGuid(); var c = Guid.NewGuid(); var holder = Guid.NewGuid();
        var refusals = NumberClaimRule.Check([(a, "111222333"), null, (b, "111222333"), (c, "123456782"), (holder, "123456782")],
            new Dictionary<string, Guid> { ["123456782"] = holder });

        Assert.Null(refusals[0]);
        Assert.Null(refusals[1]);
        Assert.Equal(0, refusals[2]!.SameAsEntry);
        Assert.Equal(holder, refusals[3]!.HeldBy);
        Assert.Null(refusals[4]); // the holder itself may keep its number
        Assert.Equal(NumberClaimRule.Taken, refusals[3]!.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ImportAsync_SameLearnerTwiceInFile_SecondRefusedAndNeverRegisteredTwice(string provider)
    {
        var doc = System.Xml.Linq.XDocument.Parse(EdexmlFileGenerator.Generate(5, "99ZZ", seed: 8));
        var learners = doc.Root!.Element("leerlingen")!.Elements("leerling").Where(l => l.Element("bsn") is not null).ToList();
        learners[1].Element("bsn")!.Value = learners[0].Element("bsn")!.Value;
        var xml = doc.ToString();
        await using var db = await EdexmlTestDatabase.CreateAsync(provider);

        var refused = await db.ImportAsync(xml, skipInvalid: false);
        var empty = await db.CountsAsync();
        var result = await db.ImportAsync(xml, skipInvalid: true);

        Assert.True(refused.Refused);
        Assert.Equal(0, empty.Learners);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(learners[1].Attribute("key")!.Value, problem.RecordKey);
        Assert.Contains("maar één keer", problem.Message);
        var counts = await db.CountsAsync();
        Assert.Equal((4, 4, 4), (counts.Learners, counts.Claims, counts.Enrolments));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RegisterAsync_NumberClaimedOrTwiceInBatch_RefusedAndNothingAdded(string provider)
    {
        await using var db = await EdexmlTestDatabase.CreateAsync(provider);
        var known = Guid.CreateVersion7();
        await db.UseAsync(async (_, ctx) =>
        {
            ctx.Learners.Add(new Learner { Id = known, FirstNames = "Bestaand", LastName = "Kind", PersonalNumber = "111222333", PersonalNumberKind = PersonalNumberKind.Bsn });
            ctx.PersonalNumberClaims.Add(new PersonalNumberClaim { PersonalNumber = "111222333", LearnerId = known });
            return await ctx.SaveChangesAsync();
        });
        static LearnerRegistration New(string number) => new(Guid.CreateVersion7(),
            new LearnerPersonalia("Nieuw", null, null, "Kind", new DateOnly(2018, 3, 1), Gender.Unknown, null, number, PersonalNumberKind.Bsn, number[^4..]),
            new EnrolmentPeriod(new DateOnly(2025, 8, 25), null, 3, null), []);
        var taken = New("111222333");
        var first = New("123456782");
        var twice = New("123456782");

        var refusal = await db.UseAsync(async (sp, ctx) =>
        {
            var e = await Assert.ThrowsAsync<RegistryBatchRefusedException>(() =>
                sp.GetRequiredService<RegistryBatch>().RegisterAsync(db.SchoolId, [first, taken, twice], AuditEvent.Registry_Registered, "Test", "Test", TestContext.Current.CancellationToken));
            Assert.Empty(ctx.ChangeTracker.Entries());
            return e;
        });

        Assert.Equal(new HashSet<Guid> { taken.LearnerId, twice.LearnerId }, refusal.Refusals.Keys.ToHashSet());
        Assert.Equal(NumberClaimRule.Taken, refusal.Refusals[taken.LearnerId]);
        Assert.Equal(1, (await db.CountsAsync()).Learners);
    }
}
