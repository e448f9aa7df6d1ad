using System.Globalization;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
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

    /// <summary>What a family reads for an event ("wie keek er in mijn dossier"); null for a code no event has (never for an event).</summary>
    public static string? Of(AuditEvent? e) => e is { } known && Events.TryGetValue(known, out var label) ? label.Text() : null;

    /// <summary>
    /// One row per <see cref="AuditEvent"/>, complete (a unit test fails on a missing one). An event a family must not
    /// read gets <see cref="EventLabel.Hidden"/> with the reason; there is none today: every entry of a learner's chain is
    /// the family's to read.
    /// </summary>
    public static readonly IReadOnlyDictionary<AuditEvent, EventLabel> Events = new Dictionary<AuditEvent, EventLabel>
    {
        [AuditEvent.Registry_LearnerCard] = new("leerlingkaart", "learner card"),
        [AuditEvent.Registry_PartnerCard] = new("leerlingkaart (samenwerkingsverband)", "learner card (partner)"),
        [AuditEvent.Registry_Registered] = new("nieuwe leerling geregistreerd", "new learner registered"),
        [AuditEvent.Registry_Enrolled] = new("ingeschreven op school", "enrolled at school"),
        [AuditEvent.Registry_Deregistered] = new("uitgeschreven", "deregistered"),
        [AuditEvent.Registry_GroupSet] = new("in een groep geplaatst", "placed in a group"),
        [AuditEvent.Registry_GuardianAdded] = new("ouder/verzorger toegevoegd", "parent/carer added"),
        [AuditEvent.Registry_PersonaliaUpdated] = new("personalia aangepast", "personal details changed"),
        [AuditEvent.Registry_PersonalNumberUpdated] = new("persoonsgebonden nummer aangepast", "personal number changed"),
        [AuditEvent.Edexml_ImportCreated] = new("ingelezen uit de leerlingadministratie (nieuw)", "imported from the school's administration (new)"),
        [AuditEvent.Edexml_ImportUpdated] = new("bijgewerkt uit de leerlingadministratie", "updated from the school's administration"),
        [AuditEvent.Edexml_Exported] = new("uitgevoerd naar de leerlingadministratie", "exported to the school's administration"),
        [AuditEvent.Consent_List] = new("toestemmingen", "consents"),
        [AuditEvent.Consent_Granted] = new("toestemming gegeven", "consent granted"),
        [AuditEvent.Consent_Revoked] = new("toestemming ingetrokken", "consent revoked"),
        [AuditEvent.Vault_AuditTrail] = new("dit overzicht (wie keek er)", "this overview (who looked)"),
        [AuditEvent.Medical_Viewed] = new("medische gegevens", "medical details"),
        [AuditEvent.Medical_Updated] = new("medische gegevens aangepast", "medical details changed"),
        [AuditEvent.Rights_CorrectionRequest] = new("verzoek om correctie", "request for correction"),
        [AuditEvent.Rights_CorrectionRequests] = new("verzoeken om correctie", "requests for correction"),
        [AuditEvent.Rights_CorrectionApproved] = new("verzoek om correctie goedgekeurd", "request for correction approved"),
        [AuditEvent.Rights_CorrectionRejected] = new("verzoek om correctie afgewezen", "request for correction rejected"),
        [AuditEvent.Rights_Objections] = new("bezwaren", "objections"),
        [AuditEvent.Rights_Objected] = new("bezwaar gemaakt", "objection made"),
        [AuditEvent.Rights_ObjectionWithdrawn] = new("bezwaar ingetrokken", "objection withdrawn"),
        [AuditEvent.Rights_ObjectionsOverview] = new("overzicht van bezwaren (school)", "overview of objections (school)"),
        [AuditEvent.Rights_Classmates] = new("klassenlijst", "class list"),
        [AuditEvent.Rights_Export] = new("kopie van het dossier", "copy of the dossier"),
        [AuditEvent.Attendance_AbsenceNotice] = new("afmelding (ziek of afwezig)", "absence notice"),
        [AuditEvent.Attendance_AbsenceRecovered] = new("beter gemeld", "reported recovered"),
        [AuditEvent.Attendance_Absences] = new("absenties", "absences"),
        [AuditEvent.Attendance_UnreportedToday] = new("afwezig zonder afmelding (vandaag)", "absent without notice (today)"),
        [AuditEvent.Attendance_Overview] = new("overzicht van aan- en afwezigheid", "attendance overview"),
        [AuditEvent.Attendance_RollCallView] = new("presentielijst van de les", "roll call of the lesson"),
        [AuditEvent.Attendance_RollCallSave] = new("presentie in de les vastgelegd", "attendance recorded in the lesson"),
        [AuditEvent.Attendance_RollCallConflict] = new("presentielijst (tegelijk gewijzigd)", "roll call (changed at the same time)"),
        [AuditEvent.Attendance_GroupDayView] = new("dagoverzicht van de groep", "group's day overview"),
        [AuditEvent.Attendance_RecordChanged] = new("absentie gecorrigeerd", "absence corrected"),
        [AuditEvent.Attendance_LeaveRequest] = new("verlofaanvraag", "leave request"),
        [AuditEvent.Attendance_LeaveRequests] = new("verlofaanvragen", "leave requests"),
        [AuditEvent.Attendance_LeaveWithdrawn] = new("verlofaanvraag ingetrokken", "leave request withdrawn"),
        [AuditEvent.Attendance_LeaveDecision] = new("besluit over verlof", "decision on leave"),
        [AuditEvent.Attendance_LeaveEvidence] = new("bewijsstuk bij verlofaanvraag", "evidence for leave request"),
        [AuditEvent.Attendance_ReportCreated] = new("verzuimmelding klaargezet (verzuimregel)", "absence report prepared (absence rule)"),
        [AuditEvent.Attendance_ReportUpdated] = new("verzuimmelding bijgewerkt (verzuimregel)", "absence report updated (absence rule)"),
        [AuditEvent.Attendance_ReportWithdrawn] = new("verzuimmelding ingetrokken (verzuimregel)", "absence report withdrawn (absence rule)"),
        [AuditEvent.Attendance_ReportConfirmed] = new("verzuimmelding bevestigd", "absence report confirmed"),
        [AuditEvent.Attendance_ReportPersonalNumber] = new("nummer voor de verzuimmelding", "number for the absence report"),
        [AuditEvent.Attendance_ReportQueue] = new("lijst van verzuimmeldingen", "list of absence reports"),
        [AuditEvent.Attendance_ReportExport] = new("verzuimmeldingen uitgevoerd", "absence reports exported"),
        [AuditEvent.Attendance_ReportOfficer] = new("verzuimmelding (leerplichtambtenaar)", "absence report (attendance officer)"),
        [AuditEvent.Attendance_CareSignalRaised] = new("zorgsignaal over ziekteverzuim", "care signal about sick leave"),
        [AuditEvent.Attendance_CareSignalList] = new("lijst van zorgsignalen", "list of care signals"),
        [AuditEvent.Attendance_CareSignalHandled] = new("zorgsignaal afgehandeld", "care signal handled"),
        [AuditEvent.Attendance_GuardianAlertSent] = new("e-mail aan ouders: afwezig zonder afmelding", "e-mail to parents: absent without notice"),
        [AuditEvent.Leerplicht_CaseOpened] = new("leerplichtzaak geopend", "compulsory education case opened"),
        [AuditEvent.Leerplicht_CaseClosed] = new("leerplichtzaak gesloten", "compulsory education case closed"),
        [AuditEvent.Leerplicht_Case] = new("leerplichtzaak", "compulsory education case"),
        [AuditEvent.Leerplicht_Note] = new("notitie bij leerplichtzaak", "note on compulsory education case"),
        [AuditEvent.Leerplicht_Status] = new("status van leerplichtzaak", "status of compulsory education case"),
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
        null => Pick("systeem", "system"),
        _ when Actor.IsSystemRole(role) => Pick("systeem", "system"),
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

/// <summary>A family's label for an event, in Dutch and English; or, with a reason, not shown to families at all.</summary>
public sealed record EventLabel(string? Nl, string? En, string? HiddenBecause = null)
{
    public static EventLabel Hidden(string because) => new(null, null, because);

    public string? Text() => HiddenBecause is null ? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Nl) : null;
}
