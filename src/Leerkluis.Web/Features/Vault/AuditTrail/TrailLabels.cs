using System.Globalization;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

/// <summary>How the trail names sections, operations, bases and roles: Dutch by default, English in the en locale.</summary>
public static class TrailLabels
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    private static string Pick(string nl, string en) => English ? en : nl;

    public static string Of(Section section) => section switch
    {
        Section.Personalia => Pick("personalia", "personal details"),
        Section.PersonalNumber => Pick("persoonsgebonden nummer", "personal number"),
        Section.Family => Pick("gezin", "family"),
        Section.Enrolment => Pick("inschrijving", "enrolment"),
        Section.Absence => Pick("absentie", "absence"),
        Section.Medical => Pick("medisch", "medical"),
        Section.Invoices => Pick("facturen", "invoices"),
        Section.Group => Pick("groep", "group"),
        Section.Schedule => Pick("rooster", "schedule"),
        Section.Plans => Pick("plannen", "plans"),
        Section.Reports => Pick("rapporten", "reports"),
        Section.MethodTests => Pick("methodetoetsen", "method tests"),
        Section.StandardizedTests => Pick("toetsen", "standardised tests"),
        Section.Notes => Pick("notities", "notes"),
        Section.CareNotes => Pick("zorgnotities", "care notes"),
        Section.TransferDossier => Pick("overstapdossier", "transfer dossier"),
        Section.Documents => Pick("documenten", "documents"),
        Section.AuditTrail => Pick("dit overzicht (wie keek er)", "this overview (who looked)"),
        _ => section.ToString(),
    };

    public static string Of(Operation operation, bool allowed) => (operation, allowed) switch
    {
        (_, false) => Pick("geweigerde poging", "refused attempt"),
        (Operation.Read, _) => Pick("bekeken", "viewed"),
        _ => Pick("gewijzigd", "changed"),
    };

    public static string Of(Basis basis) => basis switch
    {
        Basis.Self => Pick("eigen dossier", "own dossier"),
        Basis.Guardian => Pick("ouder met gezag", "parent with authority"),
        Basis.Enrolment => Pick("inschrijving op school", "enrolment at school"),
        Basis.LegalDuty => Pick("wettelijke taak (leerplicht)", "legal duty (compulsory education)"),
        Basis.Transfer => Pick("overstap naar andere school", "school transfer"),
        Basis.Consent => Pick("toestemming", "consent"),
        Basis.Aggregate => Pick("telling", "count"),
        _ => Pick("geen", "none"),
    };

    public static string Role(string? role) => role switch
    {
        Roles.Teacher => Pick("leerkracht", "teacher"),
        Roles.CareCoordinator => Pick("intern begeleider", "care coordinator"),
        Roles.SchoolAdmin => Pick("administratie", "administration"),
        Roles.Guardian => Pick("ouder/verzorger", "parent/carer"),
        Roles.Learner => Pick("leerling", "learner"),
        Roles.AttendanceOfficer => Pick("leerplichtambtenaar", "attendance officer"),
        Roles.PartnerStaff => Pick("medewerker samenwerkingsverband", "partner staff"),
        Roles.Inspector => Pick("inspectie", "inspectorate"),
        Roles.BoardAnalyst => Pick("bestuur", "board"),
        "System" or null => Pick("systeem", "system"),
        _ => role,
    };

    /// <summary>"Jan Jansen (leerkracht, Basisschool De Boom)": who did it, never an internal id.</summary>
    public static string Who(TrailRow row)
    {
        var name = row.ActorName ?? Pick("onbekende gebruiker", "unknown user");
        var role = Role(row.ActorRole);
        return row.Organisation is { } org ? $"{name} ({role}, {org})" : $"{name} ({role})";
    }
}
