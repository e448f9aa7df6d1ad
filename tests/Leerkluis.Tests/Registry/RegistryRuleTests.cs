using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Enrolments;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Tests.Registry;

public sealed class RegistryRuleTests
{
    [Theory]
    [InlineData("111222333", PersonalNumberKind.Bsn)]
    [InlineData("123456782", PersonalNumberKind.Bsn)]
    [InlineData("101222331", PersonalNumberKind.EducationNumber)]
    [InlineData(" 111222333 ", PersonalNumberKind.Bsn)]
    [InlineData("11222333", null)]           // 8 digits: padded to 011222333, which fails the check
    [InlineData("111252333", null)]
    [InlineData("133456785", null)]           // the BSN of the official Edexml example fails the elfproef
    [InlineData("000000000", null)]
    [InlineData("12345678a", null)]
    [InlineData("1112223334", null)]
    [InlineData("", null)]
    public void PersonalNumberCheck_KnownNumbers_ClassifiedCorrectly(string input, PersonalNumberKind? kind)
    {
        var check = PersonalNumber.Check(input);
        Assert.Equal(kind, check.Number?.Kind);
        Assert.Equal(kind is null, check.Error is not null);
    }

    [Fact]
    public void PersonalNumberCheck_EightDigitsWithDroppedZero_Accepted()
    {
        // 012345672 is a valid BSN; spreadsheets drop its leading zero.
        Assert.Equal(0, (0 * 9 + 1 * 8 + 2 * 7 + 3 * 6 + 4 * 5 + 5 * 4 + 6 * 3 + 7 * 2 - 2) % 11);
        Assert.Equal("012345672", PersonalNumber.Check("12345672").Number?.Value);
    }

    [Theory]
    [InlineData(2026, 7, 31, 2025)]
    [InlineData(2026, 8, 1, 2026)]
    [InlineData(2026, 11, 23, 2026)]
    [InlineData(2027, 1, 1, 2026)]
    public void SchoolYearContaining_AroundFirstOfAugust_PicksRightYear(int y, int m, int d, int start)
    {
        Assert.Equal(start, SchoolYear.Containing(new DateOnly(y, m, d)).StartYear);
    }

    [Fact]
    public void SchoolYear_ParseAndBounds()
    {
        Assert.True(SchoolYear.TryParse("2026-2027", out var sy));
        Assert.Equal(new DateOnly(2026, 8, 1), sy.FirstDay);
        Assert.Equal(new DateOnly(2027, 7, 31), sy.LastDay);
        Assert.Equal("2026-2027", sy.ToString());
        Assert.False(SchoolYear.TryParse("2026-2028", out _));
        Assert.False(SchoolYear.TryParse("2026/2027", out _));
    }

    private static Enrolment E(Guid school, DateOnly start, DateOnly? end, EnrolmentKind kind = EnrolmentKind.Main) =>
        new() { Id = Guid.NewGuid(), LearnerId = Guid.Empty, SchoolId = school, StartDate = start, EndDate = end, Kind = kind };

    [Fact]
    public void EnrolmentRules_ActiveMainElsewhere_Refused()
    {
        var a = Guid.NewGuid(); var b = Guid.NewGuid();
        var existing = new[] { E(a, new(2024, 8, 20), null) };
        Assert.Contains("andere school", EnrolmentRules.CheckNew(existing, b, new(2026, 9, 1), EnrolmentKind.Main));
        Assert.Contains("deze school", EnrolmentRules.CheckNew(existing, a, new(2026, 9, 1), EnrolmentKind.Main));
        Assert.Null(EnrolmentRules.CheckNew(existing, b, new(2026, 9, 1), EnrolmentKind.Additional));
    }

    [Fact]
    public void EnrolmentRules_EndedBeforeStart_Allowed_OverlapOnLastDay_Refused()
    {
        var a = Guid.NewGuid(); var b = Guid.NewGuid();
        var existing = new[] { E(a, new(2024, 8, 20), new(2026, 8, 31)) };
        Assert.Null(EnrolmentRules.CheckNew(existing, b, new(2026, 9, 1), EnrolmentKind.Main));
        Assert.NotNull(EnrolmentRules.CheckNew(existing, b, new(2026, 8, 31), EnrolmentKind.Main));
        Assert.Null(EnrolmentRules.CheckNew([E(a, new(2024, 8, 20), null, EnrolmentKind.Additional)], b, new(2026, 9, 1), EnrolmentKind.Main));
    }

    [Fact]
    public void EnrolmentRules_EndBeforeStartOrTwice_Refused()
    {
        var e = E(Guid.NewGuid(), new(2025, 8, 20), null);
        Assert.NotNull(EnrolmentRules.CheckEnd(e, new(2025, 8, 19)));
        Assert.Null(EnrolmentRules.CheckEnd(e, new(2025, 8, 20)));
        e.EndDate = new(2026, 1, 1);
        Assert.NotNull(EnrolmentRules.CheckEnd(e, new(2026, 2, 1)));
    }

    [Theory]
    [InlineData("Jan Pieter", null, "Pieter", null, true)]
    [InlineData("Johannes", "Jan", "Jan", null, true)]
    [InlineData("Sanne", null, "Lotte", null, false)]
    [InlineData(null, null, "Lotte", null, true)]           // roepnaam-only exports: too little to tell apart
    public void DuplicateRules_NamesMatch(string? a1, string? a2, string? b1, string? b2, bool expected) =>
        Assert.Equal(expected, DuplicateRules.NamesMatch(a1, a2, b1, b2));

    [Theory]
    [InlineData("1234", "1234", true)]
    [InlineData("1234", "9999", false)]
    [InlineData(null, "9999", true)]
    public void DuplicateRules_LastFourAgree(string? a, string? b, bool expected) => Assert.Equal(expected, DuplicateRules.LastFourAgree(a, b));

    [Theory]
    [InlineData("3511 AA", true)]
    [InlineData("3511aa", true)]
    [InlineData("0511 AA", false)]
    [InlineData("35111 AA", false)]
    [InlineData("3511 A1", false)]
    public void PostalCode_Validation(string code, bool valid) => Assert.Equal(valid, PostalCode.IsValid(code));

    [Theory]
    [InlineData("99ZZ", true)]
    [InlineData("12AB", true)]
    [InlineData("9ZZZ", false)]
    [InlineData("99zz", false)]
    public void Brin_Pattern(string brin, bool valid) => Assert.Equal(valid, SchoolCommands.IsValidBrin(brin));

    [Theory]
    [InlineData("2010-03-15", "2026-03-14", 15)]
    [InlineData("2010-03-15", "2026-03-15", 16)]
    [InlineData("2008-02-29", "2026-02-28", 18)]
    [InlineData("2008-02-29", "2026-02-27", 17)]
    public void Age_OnBirthdayBoundaries(string born, string day, int age) =>
        Assert.Equal(age, Age.On(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AmsterdamDates_FormatDutch()
    {
        Assert.Equal("23-11-2026", Amsterdam.Date(new DateOnly(2026, 11, 23)));
        Assert.Equal("23-11-2026 13:05", Amsterdam.DateTime(new DateTime(2026, 11, 23, 12, 5, 0, DateTimeKind.Utc)));
        Assert.Equal("01-07-2026 02:00", Amsterdam.DateTime(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
