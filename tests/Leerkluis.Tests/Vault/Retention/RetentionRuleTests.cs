using Leerkluis.Web.Features.Vault;
using Leerkluis.Web.Features.Vault.Retention;

namespace Leerkluis.Tests.Vault.Retention;

public sealed class RetentionRuleTests
{
    private static readonly DateOnly Left = new(2024, 7, 31);
    private static readonly EnrolmentPeriod[] History = [new(new DateOnly(2016, 8, 1), new DateOnly(2020, 7, 31)), new(new DateOnly(2020, 8, 1), Left)];

    private static IReadOnlySet<DataKind> Expired(DateOnly day, bool hold = false, EnrolmentPeriod[]? history = null) =>
        RetentionRule.Decide(history ?? History, hold, day).Expired;

    [Fact]
    public void Decide_ExactlyTwoYearsAfterLastDay_KeepsEverything() => Assert.Empty(Expired(new DateOnly(2026, 7, 31)));

    [Fact]
    public void Decide_DayAfterTwoYears_ErasesTheDossierOnly() =>
        Assert.Equal(new HashSet<DataKind> { DataKind.Dossier }, Expired(new DateOnly(2026, 8, 1)));

    [Fact]
    public void Decide_AfterThreeYears_ErasesReferralDataToo()
    {
        Assert.Equal(new HashSet<DataKind> { DataKind.Dossier }, Expired(new DateOnly(2027, 7, 31)));
        Assert.Equal(new HashSet<DataKind> { DataKind.Dossier, DataKind.Referral }, Expired(new DateOnly(2027, 8, 1)));
    }

    [Fact]
    public void Decide_AfterFiveYears_ErasesAll()
    {
        Assert.False(RetentionRule.Decide(History, false, new DateOnly(2029, 7, 31)).EraseAll);
        var verdict = RetentionRule.Decide(History, false, new DateOnly(2029, 8, 1));
        Assert.True(verdict.EraseAll);
        Assert.Equal(Left, verdict.LastDay);
    }

    [Fact]
    public void Decide_LegalHold_ErasesNothing() => Assert.Empty(Expired(new DateOnly(2040, 1, 1), hold: true));

    [Fact]
    public void Decide_ReEnrolled_ResetsTheCount()
    {
        EnrolmentPeriod[] back = [.. History, new(new DateOnly(2027, 1, 10), null)];
        Assert.Empty(Expired(new DateOnly(2030, 1, 1), history: back));
        EnrolmentPeriod[] leftAgain = [.. History, new(new DateOnly(2027, 1, 10), new DateOnly(2028, 6, 30))];
        Assert.Empty(Expired(new DateOnly(2030, 6, 30), history: leftAgain));
        Assert.Equal(new HashSet<DataKind> { DataKind.Dossier }, Expired(new DateOnly(2030, 7, 1), history: leftAgain));
    }

    [Fact]
    public void Decide_EnrolmentStartingLater_CountsAsEnrolled()
    {
        EnrolmentPeriod[] coming = [.. History, new(new DateOnly(2031, 8, 1), new DateOnly(2032, 7, 31))];
        Assert.Empty(Expired(new DateOnly(2031, 1, 1), history: coming));
    }

    [Fact]
    public void Decide_NeverEnrolled_ErasesNothing() => Assert.Empty(Expired(new DateOnly(2040, 1, 1), history: []));

    [Fact]
    public void Decide_EndDateStillToCome_ErasesNothing() =>
        Assert.Empty(Expired(new DateOnly(2024, 7, 31), history: [new(new DateOnly(2020, 8, 1), new DateOnly(2024, 7, 31))]));

    [Fact]
    public void ErasableFrom_LeapDay_IsTheDayAfterTheLastKeptDay() =>
        Assert.Equal(new DateOnly(2026, 3, 1), RetentionRule.ErasableFrom(new DateOnly(2024, 2, 29), DataKind.Dossier));
}
