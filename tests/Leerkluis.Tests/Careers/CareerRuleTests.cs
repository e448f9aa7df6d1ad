using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Matching;

namespace Leerkluis.Tests.Careers;

public sealed class DuplicateRulesTests
{
    [Fact]
    public void Reasons_SameEmailDifferentCase_IsDuplicate()
    {
        var a = CandidateDuplicates.KeysFor("Anna.Jansen@Example.nl ", null, "Anna", "Jansen", null);
        var b = CandidateDuplicates.KeysFor("anna.jansen@example.nl", null, "A.", "Jansen-de Vries", null);
        Assert.Equal(["zelfde e-mailadres"], CandidateDuplicates.Reasons(a, b));
    }

    [Theory]
    [InlineData("+31 6-1234 5678", "06 12345678")]
    [InlineData("0031612345678", "06-12345678")]
    [InlineData("(06) 1234 5678", "0612345678")]
    public void Reasons_SamePhoneWrittenDifferently_IsDuplicate(string one, string other)
    {
        var a = CandidateDuplicates.KeysFor(null, one, "Piet", "Pieters", null);
        var b = CandidateDuplicates.KeysFor(null, other, "Karel", "Anders", null);
        Assert.Equal(["zelfde telefoonnummer"], CandidateDuplicates.Reasons(a, b));
    }

    [Fact]
    public void Reasons_SameNameWithAccentsAndBirthDate_IsDuplicate()
    {
        var born = new DateOnly(1985, 3, 14);
        var a = CandidateDuplicates.KeysFor("a@x.nl", null, "Zoë", "van den Berg", born);
        var b = CandidateDuplicates.KeysFor("b@y.nl", null, "zoe", "Van den Berg", born);
        Assert.Equal(["zelfde naam en geboortedatum"], CandidateDuplicates.Reasons(a, b));
    }

    [Fact]
    public void Reasons_SameNameWithoutBirthDate_IsNoDuplicate()
    {
        var a = CandidateDuplicates.KeysFor("a@x.nl", null, "Jan", "de Vries", null);
        var b = CandidateDuplicates.KeysFor("b@y.nl", null, "Jan", "de Vries", null);
        Assert.Empty(CandidateDuplicates.Reasons(a, b));
    }

    [Fact]
    public void Reasons_SameNameOtherBirthDate_IsNoDuplicate()
    {
        var a = CandidateDuplicates.KeysFor(null, null, "Jan", "de Vries", new DateOnly(1980, 1, 1));
        var b = CandidateDuplicates.KeysFor(null, null, "Jan", "de Vries", new DateOnly(1980, 1, 2));
        Assert.Empty(CandidateDuplicates.Reasons(a, b));
    }

    [Fact]
    public void PhoneKey_TooShort_IsNull() => Assert.Null(CandidateDuplicates.PhoneKey("112"));
}

public sealed class MatchScorerTests
{
    private static readonly Guid Utrecht = Guid.NewGuid(), Amsterdam = Guid.NewGuid(), Limburg = Guid.NewGuid();
    private static readonly DateOnly Start = new(2027, 8, 1);

    private static MatchCandidate Maths(DateOnly? available = null, int? hours = 24, EducationLevel? level = EducationLevel.Wo) =>
        new(["wiskunde"], Po: false, Vo: true, Mbo: false, Utrecht, [Amsterdam], available ?? new DateOnly(2027, 1, 1), hours, level);

    [Fact]
    public void Score_PerfectVacancy_Is100WithEveryFactorFull()
    {
        var score = MatchScorer.Score(Maths(), new MatchTarget(["wiskunde"], Sector.Vo, Utrecht, Start, 20, EducationLevel.Hbo));
        Assert.Equal(100, score.Total);
        Assert.All(score.Factors, f => Assert.Equal(f.Max, f.Points));
        Assert.Equal(["Vak", "Sector", "Regio", "Beschikbaarheid", "Toelatingseisen"], score.Factors.Select(f => f.Name));
    }

    [Fact]
    public void Score_OtherSubject_LosesSubjectPointsAndSaysWhy()
    {
        var score = MatchScorer.Score(Maths(), new MatchTarget(["engels"], Sector.Vo, Utrecht, Start, 20, EducationLevel.Hbo));
        Assert.Equal(60, score.Total);
        var subject = score.Factors.Single(f => f.Name == "Vak");
        Assert.Equal(0, subject.Points);
        Assert.Equal("Geen interesse in Engels.", subject.Explanation);
    }

    [Fact]
    public void Score_PreferredRegion_CountsAsRegion_OtherRegionDoesNot()
    {
        var preferred = MatchScorer.Score(Maths(), new MatchTarget(["wiskunde"], Sector.Vo, Amsterdam, Start, 20, EducationLevel.Hbo));
        Assert.Equal(MatchScorer.RegionMax, preferred.Factors.Single(f => f.Name == "Regio").Points);
        var far = MatchScorer.Score(Maths(), new MatchTarget(["wiskunde"], Sector.Vo, Limburg, Start, 20, EducationLevel.Hbo));
        Assert.Equal(100 - MatchScorer.RegionMax, far.Total);
    }

    [Fact]
    public void Score_AvailableAfterStartAndTooFewHours_GetsNoAvailabilityPoints()
    {
        var score = MatchScorer.Score(Maths(new DateOnly(2028, 1, 1), hours: 8), new MatchTarget(["wiskunde"], Sector.Vo, Utrecht, Start, 20, EducationLevel.Hbo));
        var a = score.Factors.Single(f => f.Name == "Beschikbaarheid");
        Assert.Equal(0, a.Points);
        Assert.Equal("Pas beschikbaar na de start; 8 uur beschikbaar, 20 gevraagd.", a.Explanation);
    }

    [Fact]
    public void Score_UnknownAvailability_GetsHalfNotNothing()
    {
        var c = Maths() with { AvailableFrom = null, HoursPerWeek = null };
        var a = MatchScorer.Score(c, new MatchTarget(["wiskunde"], Sector.Vo, Utrecht, Start, 20, EducationLevel.Hbo)).Factors.Single(f => f.Name == "Beschikbaarheid");
        Assert.Equal(7, a.Points);
    }

    [Theory]
    [InlineData(EducationLevel.Mbo, 0)]
    [InlineData(EducationLevel.Hbo, 10)]
    [InlineData(EducationLevel.Wo, 10)]
    public void Score_EntryRequirementHbo_DependsOnLevel(EducationLevel level, int expected)
    {
        var programme = new MatchTarget(["wiskunde"], Sector.Vo, Utrecht, Start, null, EducationLevel.Hbo);
        Assert.Equal(expected, MatchScorer.Score(Maths(level: level), programme).Factors.Single(f => f.Name == "Toelatingseisen").Points);
    }

    [Fact]
    public void Score_UnknownLevel_NoEntryPointsWithReason()
    {
        var f = MatchScorer.Score(Maths(level: null), new MatchTarget(["wiskunde"], Sector.Vo, Utrecht, Start, null, EducationLevel.Hbo))
            .Factors.Single(x => x.Name == "Toelatingseisen");
        Assert.Equal((0, "Vooropleiding onbekend; hbo vereist."), (f.Points, f.Explanation));
    }

    [Fact]
    public void Score_PoVacancyForVoCandidate_LosesSector()
    {
        var s = MatchScorer.Score(Maths(), new MatchTarget(["wiskunde"], Sector.Po, Utrecht, Start, 20, EducationLevel.Hbo));
        Assert.Equal(0, s.Factors.Single(f => f.Name == "Sector").Points);
        Assert.Equal(80, s.Total);
    }
}

public sealed class CandidateAccessTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), User = Guid.NewGuid();

    [Fact]
    public void MaySee_AdvisorOwnRegion_Yes() => Assert.True(CandidateAccess.MaySee([A], User, A, [], null));

    [Fact]
    public void MaySee_AdvisorOtherRegionUnshared_No() => Assert.False(CandidateAccess.MaySee([A], User, B, [], null));

    [Fact]
    public void MaySee_AdvisorOtherRegionSharedWithMine_Yes() => Assert.True(CandidateAccess.MaySee([A], User, B, [A], null));

    [Fact]
    public void MaySee_CandidateSelf_YesButMayNotWork()
    {
        Assert.True(CandidateAccess.MaySee([], User, B, [], User));
        Assert.False(CandidateAccess.MayWork([], B, []));
    }

    [Fact]
    public void MaySee_NoRegionsNoLink_No() => Assert.False(CandidateAccess.MaySee([], User, A, [A], Guid.NewGuid()));
}
