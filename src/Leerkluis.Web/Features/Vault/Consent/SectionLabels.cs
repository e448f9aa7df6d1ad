using System.Globalization;
using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>How a dossier section is named to people: Dutch by default, English in the en locale.</summary>
public static class SectionLabels
{
    public static string Of(Section section) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? English(section) : Dutch(section);

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

    private static string English(Section section) => section switch
    {
        Section.Personalia => "Personal details (name, birth date, address)",
        Section.PersonalNumber => "Citizen service or education number",
        Section.Family => "Family (parents and contacts)",
        Section.Enrolment => "Enrolments",
        Section.Absence => "Absence",
        Section.Medical => "Medical information",
        Section.Invoices => "Invoices",
        Section.Group => "Group",
        Section.Schedule => "Timetable",
        Section.Plans => "Support plans",
        Section.Reports => "Report cards",
        Section.MethodTests => "Method tests",
        Section.StandardizedTests => "Standardised tests",
        Section.Notes => "Notes",
        Section.CareNotes => "Care notes",
        Section.TransferDossier => "Transfer dossier",
        Section.Documents => "Documents",
        Section.AuditTrail => "Access log",
        Section.Consent => "Consents",
        _ => section.ToString(),
    };
}
