using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
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

    /// <summary>What a family reads for an event ("wie keek er in mijn dossier"); null for a code no event has (never for an event).</summary>
    public static string? Of(AuditEvent? e) => e is { } known && Events.TryGetValue(known, out var label) ? label.Text() : null;

    /// <summary>
    /// One row per <see cref="AuditEvent"/>, complete (a unit test fails on a missing one). An event a family must not
    /// read gets <see cref="EventLabel.Hidden"/> with the reason; there is none today: every entry of a learner's chain is
    /// the family's to read.
    /// </summary>
    public static readonly IReadOnlyDictionary<AuditEvent, EventLabel> Events = new Dictionary<AuditEvent, EventLabel>
    {
        [AuditEvent.Registry_LearnerCard] = new("leerlingkaart"),
        [AuditEvent.Registry_PartnerCard] = new("leerlingkaart (samenwerkingsverband)"),
        [AuditEvent.Registry_Registered] = new("nieuwe leerling geregistreerd"),
        [AuditEvent.Registry_Enrolled] = new("ingeschreven op school"),
        [AuditEvent.Registry_Deregistered] = new("uitgeschreven"),
        [AuditEvent.Registry_GroupSet] = new("in een groep geplaatst"),
        [AuditEvent.Registry_GuardianAdded] = new("ouder/verzorger toegevoegd"),
        [AuditEvent.Registry_PersonaliaUpdated] = new("personalia aangepast"),
        [AuditEvent.Registry_PersonalNumberUpdated] = new("persoonsgebonden nummer aangepast"),
        [AuditEvent.Edexml_ImportCreated] = new("ingelezen uit de leerlingadministratie (nieuw)"),
        [AuditEvent.Edexml_ImportUpdated] = new("bijgewerkt uit de leerlingadministratie"),
        [AuditEvent.Edexml_Exported] = new("uitgevoerd naar de leerlingadministratie"),
        [AuditEvent.Consent_List] = new("toestemmingen"),
        [AuditEvent.Consent_Granted] = new("toestemming gegeven"),
        [AuditEvent.Consent_Revoked] = new("toestemming ingetrokken"),
        [AuditEvent.Vault_AuditTrail] = new("dit overzicht (wie keek er)"),
        [AuditEvent.Medical_Viewed] = new("medische gegevens"),
        [AuditEvent.Medical_Updated] = new("medische gegevens aangepast"),
        [AuditEvent.Rights_CorrectionRequest] = new("verzoek om correctie"),
        [AuditEvent.Rights_CorrectionRequests] = new("verzoeken om correctie"),
        [AuditEvent.Rights_CorrectionApproved] = new("verzoek om correctie goedgekeurd"),
        [AuditEvent.Rights_CorrectionRejected] = new("verzoek om correctie afgewezen"),
        [AuditEvent.Rights_Objections] = new("bezwaren"),
        [AuditEvent.Rights_Objected] = new("bezwaar gemaakt"),
        [AuditEvent.Rights_ObjectionWithdrawn] = new("bezwaar ingetrokken"),
        [AuditEvent.Rights_ObjectionsOverview] = new("overzicht van bezwaren (school)"),
        [AuditEvent.Rights_Classmates] = new("klassenlijst"),
        [AuditEvent.Rights_Export] = new("kopie van het dossier"),
        [AuditEvent.Attendance_AbsenceNotice] = new("afmelding (ziek of afwezig)"),
        [AuditEvent.Attendance_AbsenceRecovered] = new("beter gemeld"),
        [AuditEvent.Attendance_Absences] = new("absenties"),
        [AuditEvent.Attendance_UnreportedToday] = new("afwezig zonder afmelding (vandaag)"),
        [AuditEvent.Attendance_Overview] = new("overzicht van aan- en afwezigheid"),
        [AuditEvent.Attendance_RollCallView] = new("presentielijst van de les"),
        [AuditEvent.Attendance_RollCallSave] = new("presentie in de les vastgelegd"),
        [AuditEvent.Attendance_RollCallConflict] = new("presentielijst (tegelijk gewijzigd)"),
        [AuditEvent.Attendance_GroupDayView] = new("dagoverzicht van de groep"),
        [AuditEvent.Attendance_RecordChanged] = new("absentie gecorrigeerd"),
        [AuditEvent.Attendance_LeaveRequest] = new("verlofaanvraag"),
        [AuditEvent.Attendance_LeaveRequests] = new("verlofaanvragen"),
        [AuditEvent.Attendance_LeaveWithdrawn] = new("verlofaanvraag ingetrokken"),
        [AuditEvent.Attendance_LeaveDecision] = new("besluit over verlof"),
        [AuditEvent.Attendance_LeaveEvidence] = new("bewijsstuk bij verlofaanvraag"),
        [AuditEvent.Attendance_ReportCreated] = new("verzuimmelding klaargezet (verzuimregel)"),
        [AuditEvent.Attendance_ReportUpdated] = new("verzuimmelding bijgewerkt (verzuimregel)"),
        [AuditEvent.Attendance_ReportWithdrawn] = new("verzuimmelding ingetrokken (verzuimregel)"),
        [AuditEvent.Attendance_ReportConfirmed] = new("verzuimmelding bevestigd"),
        [AuditEvent.Attendance_ReportPersonalNumber] = new("nummer voor de verzuimmelding"),
        [AuditEvent.Attendance_ReportQueue] = new("lijst van verzuimmeldingen"),
        [AuditEvent.Attendance_ReportExport] = new("verzuimmeldingen uitgevoerd"),
        [AuditEvent.Attendance_ReportOfficer] = new("verzuimmelding (leerplichtambtenaar)"),
        [AuditEvent.Attendance_CareSignalRaised] = new("zorgsignaal over ziekteverzuim"),
        [AuditEvent.Attendance_CareSignalList] = new("lijst van zorgsignalen"),
        [AuditEvent.Attendance_CareSignalHandled] = new("zorgsignaal afgehandeld"),
        [AuditEvent.Attendance_GuardianAlertSent] = new("e-mail aan ouders: afwezig zonder afmelding"),
        [AuditEvent.Leerplicht_CaseOpened] = new("leerplichtzaak geopend"),
        [AuditEvent.Leerplicht_CaseClosed] = new("leerplichtzaak gesloten"),
        [AuditEvent.Leerplicht_Case] = new("leerplichtzaak"),
        [AuditEvent.Leerplicht_Note] = new("notitie bij leerplichtzaak"),
        [AuditEvent.Leerplicht_Status] = new("status van leerplichtzaak"),
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
        null => T("systeem"),
        _ when Actor.IsSystemRole(role) => T("systeem"),
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

/// <summary>A family's label for an event (Dutch; English in TrailLabels.en.resx); or, with a reason, not shown to families at all.</summary>
public sealed record EventLabel(string? Nl, string? HiddenBecause = null)
{
    public static EventLabel Hidden(string because) => new(null, because);

    public string? Text() => HiddenBecause is null && Nl is not null ? Translations.Of(typeof(TrailLabels), Nl) : null;
}
