using Leerkluis.Web.Features.Vault.Medical;
using Leerkluis.Web.Platform.Errors;

namespace Leerkluis.Tests.Vault.Medical;

public sealed class MedicalDataTests
{
    private static readonly MedicalData Sample = new(
        [new MedicalItem("Pinda's", "EpiPen in de tas", true), new MedicalItem("Huisstofmijt", null, false)],
        [new MedicalItem("Ritalin", "08:00", false)],
        [new MedicalItem("Epilepsie", "Bij aanval 112 bellen", true)],
        [new EmergencyContact("Oma Jansen", "oma", "06 12345678", true), new EmergencyContact("Buurman", null, "0301234567", false)],
        new GeneralPractitioner("Huisartsenpraktijk Oost", "030 7654321", false));

    [Fact]
    public void NeedToKnowOnly_MixedFlags_KeepsOnlyFlaggedItems()
    {
        var teacher = Sample.NeedToKnowOnly();
        Assert.Equal(["Pinda's"], teacher.Allergies!.Select(i => i.Name));
        Assert.Empty(teacher.Medications!);
        Assert.Equal(["Epilepsie"], teacher.Conditions!.Select(i => i.Name));
        Assert.Equal(["Oma Jansen"], teacher.EmergencyContacts!.Select(c => c.Name));
        Assert.Null(teacher.GeneralPractitioner);
    }

    [Fact]
    public void Normalize_BlankRows_AreDroppedAndTextsTrimmed()
    {
        var data = new MedicalData([new MedicalItem("  Gluten ", " ", true), new MedicalItem(" ", null, true)], null, null,
            [new EmergencyContact(null, " ", null, true)], new GeneralPractitioner(" ", "", false)).Normalize();
        Assert.Equal([new MedicalItem("Gluten", null, true)], data.Allergies);
        Assert.Empty(data.EmergencyContacts!);
        Assert.Null(data.GeneralPractitioner);
    }

    [Fact]
    public void Normalize_IncompleteLines_NamesLineAndField()
    {
        var e = Assert.Throws<ValidationFailedException>(() => new MedicalData(
            [new MedicalItem("Noten", null, true), new MedicalItem(null, "heftige reactie", true)], null, null,
            [new EmergencyContact("Oma", null, "bel maar", true)], new GeneralPractitioner(null, "030 1234567", false)).Normalize());
        Assert.Equal(["Allergie 2: vul in wat het is."], e.Errors["allergies[1].name"]);
        Assert.Equal(["Contact bij nood 1: vul een telefoonnummer in, bijvoorbeeld 06 12345678."], e.Errors["emergencyContacts[0].phone"]);
        Assert.Equal(["Huisarts: naam is verplicht."], e.Errors["generalPractitioner.name"]);
        Assert.Equal(3, e.Errors.Count);
    }

    [Theory]
    [InlineData("06 12345678", true)]
    [InlineData("+31 (0)30-1234567", true)]
    [InlineData("112", false)]
    [InlineData("06-1234567a", false)]
    [InlineData("06+12345678", false)]
    public void PhoneNumber_IsPlausible_AcceptsUsualNotations(string phone, bool expected) =>
        Assert.Equal(expected, PhoneNumber.IsPlausible(phone));
}
