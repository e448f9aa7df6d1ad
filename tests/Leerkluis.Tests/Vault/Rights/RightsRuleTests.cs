using Leerkluis.Web.Features.Vault.Rights;
using Leerkluis.Web.Features.Vault.Rights.Corrections;
using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Tests.Vault.Rights;

public sealed class RightsRuleTests
{
    [Theory]
    [InlineData(Relation.Guardian, 11, Right.Correction, true)]
    [InlineData(Relation.Guardian, 15, Right.Export, true)]
    [InlineData(Relation.Guardian, 16, Right.Correction, false)]
    [InlineData(Relation.Guardian, 16, Right.Export, false)]
    [InlineData(Relation.Guardian, null, Right.Objection, true)]
    [InlineData(Relation.Self, 12, Right.Export, true)]
    [InlineData(Relation.Self, 12, Right.Correction, false)]
    [InlineData(Relation.Self, 16, Right.Objection, true)]
    [InlineData(Relation.Self, 18, Right.Correction, true)]
    [InlineData(Relation.Teacher, 11, Right.Export, false)]
    [InlineData(Relation.SchoolAdmin, 11, Right.Correction, false)]
    public void MayExercise_ByRelationAndAge_FollowsAgeOf16(Relation relation, int? age, Right right, bool expected) =>
        Assert.Equal(expected, RightsRules.MayExercise(relation, age, right));

    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(CorrectionField.BirthDate, "01-09-2016", "2016-09-01")]
    [InlineData(CorrectionField.BirthDate, "2016-09-01", "2016-09-01")]
    [InlineData(CorrectionField.PostalCode, "3511ab", "3511 AB")]
    [InlineData(CorrectionField.GuardianEmail, " Ouder@Voorbeeld.NL ", "ouder@voorbeeld.nl")]
    [InlineData(CorrectionField.CallName, "  ", null)]
    public void Normalize_ValidValue_StoresCanonicalForm(CorrectionField field, string raw, string? expected)
    {
        var (value, error) = CorrectionFields.Normalize(field, raw, Today);
        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(CorrectionField.BirthDate, "31-02-2016", "dd-mm-jjjj")]
    [InlineData(CorrectionField.BirthDate, "01-01-2027", "toekomst")]
    [InlineData(CorrectionField.LastName, "", "Achternaam")]
    [InlineData(CorrectionField.PostalCode, "12345", "1234 AB")]
    [InlineData(CorrectionField.GuardianPhone, "bel me", "telefoonnummer")]
    [InlineData(CorrectionField.GuardianEmail, "geen-adres", "e-mailadres")]
    public void Normalize_BadValue_NamesTheProblem(CorrectionField field, string raw, string expectedInMessage)
    {
        var (value, error) = CorrectionFields.Normalize(field, raw, Today);
        Assert.Null(value);
        Assert.Contains(expectedInMessage, error);
    }

    [Fact]
    public void SectionOf_GuardianContactIsFamily_NamesArePersonalia()
    {
        Assert.Equal(Section.Family, CorrectionFields.SectionOf(CorrectionField.GuardianPhone));
        Assert.Equal(Section.Personalia, CorrectionFields.SectionOf(CorrectionField.BirthDate));
        Assert.Equal("12-05-2016", CorrectionFields.Display(CorrectionField.BirthDate, "2016-05-12"));
    }
}
