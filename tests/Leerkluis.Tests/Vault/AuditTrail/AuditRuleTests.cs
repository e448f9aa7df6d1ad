using Leerkluis.Web.Features.Vault.AuditTrail;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;

namespace Leerkluis.Tests.Vault.AuditTrail;

/// <summary>The pure rules of the chain, the checkpoint, the CSV cell and the daily schedule.</summary>
public sealed class AuditRuleTests
{
    private static readonly Guid Learner = Guid.Parse("0199a0b0-0000-7000-8000-000000000001");

    private static AuditEntry Entry(string action) => new()
    {
        LearnerId = Learner, AtUtc = new DateTime(2026, 11, 23, 8, 15, 0, DateTimeKind.Utc), ActorRole = "Teacher",
        Basis = Basis.Enrolment, Section = Section.Personalia, Operation = Operation.Read, Allowed = true, Action = action,
        PreviousHash = "", Hash = "",
    };

    private static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        for (var i = 0; i < length; i++)
        {
            var e = Entry("learner-card");
            AuditChain.Link(e, chain.LastOrDefault()?.Sequence ?? 0, chain.LastOrDefault()?.Hash ?? AuditEntry.GenesisHash);
            chain.Add(e);
        }
        return chain;
    }

    [Fact]
    public void Link_ThreeEntries_NumbersFromOneAndChainsHashes()
    {
        var chain = Chain(3);
        Assert.Equal([1L, 2L, 3L], chain.Select(e => e.Sequence));
        Assert.Equal(AuditEntry.GenesisHash, chain[0].PreviousHash);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
        Assert.Null(AuditChain.Check(null, chain[0]));
        Assert.Null(AuditChain.Check(chain[0], chain[1]));
        Assert.Null(AuditChain.Check(chain[1], chain[2]));
    }

    [Fact]
    public void Check_AlteredFieldOrGap_NamesTheEntry()
    {
        var chain = Chain(3);
        chain[1].ClientAddress = "10.0.0.9";
        Assert.Equal($"learner {Learner}: entry 2 was altered", AuditChain.Check(chain[0], chain[1]));
        Assert.Equal($"learner {Learner}: entry 2 is missing (found 3)", AuditChain.Check(chain[0], chain[2]));
    }

    [Fact]
    public void Check_RelinkedAfterRemovalWithoutRehashing_IsAltered()
    {
        var chain = Chain(3);
        chain[2].Sequence = 2; // renumbered to close the gap, but its hash still covers the old number and predecessor
        Assert.Equal($"learner {Learner}: entry 2 was altered", AuditChain.Check(chain[0], chain[2]));
    }

    [Fact]
    public void CheckMark_ShorterChainOrOtherHash_NamesFirstMissingOrDifferentEntry()
    {
        var chain = Chain(5);
        var mark = new ChainMark(5, chain[4].Hash, "the checkpoint of 23-11-2026");
        Assert.Null(AuditChain.CheckMark(Learner, 5, chain[4].Hash, mark));
        Assert.Null(AuditChain.CheckMark(Learner, 7, chain[4].Hash, mark)); // grown since: fine
        Assert.Equal($"learner {Learner}: entry 4 is missing (the checkpoint of 23-11-2026 recorded 5 entries)", AuditChain.CheckMark(Learner, 3, null, mark));
        Assert.Equal($"learner {Learner}: entry 1 is missing (the checkpoint of 23-11-2026 recorded 5 entries)", AuditChain.CheckMark(Learner, 0, null, mark));
        Assert.Equal($"learner {Learner}: entry 5 differs from the checkpoint of 23-11-2026", AuditChain.CheckMark(Learner, 5, chain[3].Hash, mark));
    }

    [Fact]
    public void CheckpointDigest_SameHeads_SameDigestAndCounts_OtherwiseDifferent()
    {
        string Digest(params (Guid, long, string)[] heads)
        {
            using var d = new CheckpointDigest();
            foreach (var (l, s, h) in heads) d.Add(l, s, h);
            return $"{d.Chains}/{d.Entries}/{d.Finish()}";
        }
        var other = Guid.Parse("0199a0b0-0000-7000-8000-000000000002");
        var both = Digest((Learner, 3, "aa"), (other, 2, "bb"));
        Assert.StartsWith("2/5/", both);
        Assert.Equal(both, Digest((Learner, 3, "aa"), (other, 2, "bb")));
        Assert.NotEqual(both, Digest((Learner, 3, "aa")));
        Assert.NotEqual(both, Digest((Learner, 3, "aa"), (other, 2, "bc")));
    }

    [Theory]
    [InlineData("Jansen", "Jansen")]
    [InlineData("de Vries; Jan", "\"de Vries; Jan\"")]
    [InlineData("zegt \"hoi\"", "\"zegt \"\"hoi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+31 6", "'+31 6")]
    [InlineData("", "")]
    public void CsvField_SeparatorsQuotesAndFormulas_EscapedForSpreadsheets(string value, string cell) =>
        Assert.Equal(cell, TrailCsv.Field(value));

    [Fact]
    public void TrailLabels_RefusedAttempt_ShownAsSuch()
    {
        var row = new TrailRow(DateTime.UtcNow, "Piet Jansen", "Teacher", "De Boom", null, null, Section.Medical, Operation.Read, Basis.None, false, "x", null);
        // The labels follow the UI language; the runner's own language (en in ./leerkluis test) must not decide.
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("nl-NL");
        Assert.Equal("geweigerde poging", TrailLabels.Of(row.Operation, row.Allowed));
        Assert.Equal("Piet Jansen (leerkracht, De Boom)", TrailLabels.Who(row));
    }
}
