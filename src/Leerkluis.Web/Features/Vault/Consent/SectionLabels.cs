using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Localization;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>How a dossier section is named to people: the Dutch text is the key, English sits in SectionLabels.en.resx.</summary>
public static class SectionLabels
{
    public static string Of(Section section) => Translations.Of(typeof(SectionLabels), Dutch(section));

    public static string Dutch(Section section) => section switch
    {
        Section.Personalia => "Personalia (naam, geboortedatum, adres)",
        Section.PersonalNumber => "BSN of onderwijsnummer",
        Section.Family => "Gezin (ouders en contactpersonen)",
        Section.Enrolment => "Inschrijvingen",
        Section.Absence => "Absentie",
        Section.Medical => "Medische gegevens",
        Section.Invoices => "Facturen",
        Section.Group => "Groep",
        Section.Schedule => "Rooster",
        Section.Plans => "Ondersteuningsplannen (OPP)",
        Section.Reports => "Rapporten",
        Section.MethodTests => "Methodetoetsen",
        Section.StandardizedTests => "Toetsen (methode-onafhankelijk)",
        Section.Notes => "Notities",
        Section.CareNotes => "Zorgnotities",
        Section.TransferDossier => "Overstapdossier",
        Section.Documents => "Documenten",
        Section.AuditTrail => "Inzagelog",
        Section.Consent => "Toestemmingen",
        _ => section.ToString(),
    };
}
