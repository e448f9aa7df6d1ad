using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Localization;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

/// <summary>How the trail names sections, operations, bases and roles: the Dutch text is the key, English sits in TrailLabels.en.resx.</summary>
public static class TrailLabels
{
    private static string T(string dutch) => Translations.Of(typeof(TrailLabels), dutch);

    public static string Of(Section section) => section switch
    {
        Section.Personalia => T("personalia"),
        Section.PersonalNumber => T("persoonsgebonden nummer"),
        Section.Family => T("gezin"),
        Section.Enrolment => T("inschrijving"),
        Section.Absence => T("absentie"),
        Section.Medical => T("medisch"),
        Section.Invoices => T("facturen"),
        Section.Group => T("groep"),
        Section.Schedule => T("rooster"),
        Section.Plans => T("plannen"),
        Section.Reports => T("rapporten"),
        Section.MethodTests => T("methodetoetsen"),
        Section.StandardizedTests => T("toetsen"),
        Section.Notes => T("notities"),
        Section.CareNotes => T("zorgnotities"),
        Section.TransferDossier => T("overstapdossier"),
        Section.Documents => T("documenten"),
        Section.AuditTrail => T("dit overzicht (wie keek er)"),
        _ => section.ToString(),
    };

    public static string Of(Operation operation, bool allowed) => (operation, allowed) switch
    {
        (_, false) => T("geweigerde poging"),
        (Operation.Read, _) => T("bekeken"),
        _ => T("gewijzigd"),
    };

    public static string Of(Basis basis) => basis switch
    {
        Basis.Self => T("eigen dossier"),
        Basis.Guardian => T("ouder met gezag"),
        Basis.Enrolment => T("inschrijving op school"),
        Basis.LegalDuty => T("wettelijke taak (leerplicht)"),
        Basis.Transfer => T("overstap naar andere school"),
        Basis.Consent => T("toestemming"),
        Basis.Aggregate => T("telling"),
        _ => T("geen"),
    };

    public static string Role(string? role) => role switch
    {
        Roles.Teacher => T("leerkracht"),
        Roles.CareCoordinator => T("intern begeleider"),
        Roles.SchoolAdmin => T("administratie"),
        Roles.Guardian => T("ouder/verzorger"),
        Roles.Learner => T("leerling"),
        Roles.AttendanceOfficer => T("leerplichtambtenaar"),
        Roles.PartnerStaff => T("medewerker samenwerkingsverband"),
        Roles.Inspector => T("inspectie"),
        Roles.BoardAnalyst => T("bestuur"),
        "System" or null => T("systeem"),
        _ => role,
    };

    /// <summary>"Jan Jansen (leerkracht, Basisschool De Boom)": who did it, never an internal id.</summary>
    public static string Who(TrailRow row)
    {
        var name = row.ActorName ?? T("onbekende gebruiker");
        var role = Role(row.ActorRole);
        return row.Organisation is { } org ? $"{name} ({role}, {org})" : $"{name} ({role})";
    }
}
