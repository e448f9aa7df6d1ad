using System.Collections.Frozen;
using System.Reflection;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// What an audit entry records, numbered in blocks per area (like Bitwarden's EventType): 1000 registry, 1100 Edexml,
/// 1200 vault and consent, 1300 medical, 1400 rights, 1500 retention, 2000–2199 attendance, 2200 leerplicht,
/// 3000–3199 careers, 4000 accounts, 9000 system and jobs. Numbers and codes are never reused or changed: the code is what
/// the chain stores and hashes (<see cref="AuditEntry.Action"/>), so chains written before the enum existed still verify
/// and read back as the same events. Several sections or both operations may share an event (a learner card reads five
/// sections); the entry's Section and Operation say which. What a family reads for each event: Features/Vault/AuditTrail.
/// </summary>
public enum AuditEvent
{
    // Registry 1000–1099
    [AuditCode("learner-card")] Registry_LearnerCard = 1000,
    [AuditCode("partner-card")] Registry_PartnerCard = 1001,
    [AuditCode("register")] Registry_Registered = 1002,
    [AuditCode("enrol")] Registry_Enrolled = 1003,
    [AuditCode("deregister")] Registry_Deregistered = 1004,
    [AuditCode("set-group")] Registry_GroupSet = 1005,
    [AuditCode("add-guardian")] Registry_GuardianAdded = 1006,
    [AuditCode("update-personalia")] Registry_PersonaliaUpdated = 1007,
    [AuditCode("update-personal-number")] Registry_PersonalNumberUpdated = 1008,

    // Edexml 1100–1199
    [AuditCode("edexml-import-create")] Edexml_ImportCreated = 1100,
    [AuditCode("edexml-import-update")] Edexml_ImportUpdated = 1101,
    [AuditCode("edexml-export")] Edexml_Exported = 1102,

    // Vault and consent 1200–1299
    [AuditCode("consent-list")] Consent_List = 1200,
    [AuditCode("consent-grant")] Consent_Granted = 1201,
    [AuditCode("consent-revoke")] Consent_Revoked = 1202,
    [AuditCode("audit-trail")] Vault_AuditTrail = 1250,

    // Medical 1300–1399
    [AuditCode("medical")] Medical_Viewed = 1300,
    [AuditCode("medical-update")] Medical_Updated = 1301,

    // Rights 1400–1499
    [AuditCode("correction-request")] Rights_CorrectionRequest = 1400,
    [AuditCode("correction-requests")] Rights_CorrectionRequests = 1401,
    [AuditCode("approve-correction")] Rights_CorrectionApproved = 1402,
    [AuditCode("reject-correction")] Rights_CorrectionRejected = 1403,
    [AuditCode("objections")] Rights_Objections = 1410,
    [AuditCode("object")] Rights_Objected = 1411,
    [AuditCode("withdraw-objection")] Rights_ObjectionWithdrawn = 1412,
    [AuditCode("objections-overview")] Rights_ObjectionsOverview = 1413,
    [AuditCode("classmates")] Rights_Classmates = 1414,
    [AuditCode("export")] Rights_Export = 1420,

    // Retention 1500–1599: erasure removes the chain with the dossier; legal holds are the operator's (no entries yet).

    // Attendance 2000–2199
    [AuditCode("absence-notice")] Attendance_AbsenceNotice = 2000,
    [AuditCode("absence-recovered")] Attendance_AbsenceRecovered = 2001,
    [AuditCode("absences")] Attendance_Absences = 2002,
    [AuditCode("absence-unreported-today")] Attendance_UnreportedToday = 2003,
    [AuditCode("attendance-overview")] Attendance_Overview = 2004,
    [AuditCode("roll-call-view")] Attendance_RollCallView = 2010,
    [AuditCode("roll-call-save")] Attendance_RollCallSave = 2011,
    [AuditCode("roll-call-conflict")] Attendance_RollCallConflict = 2012,
    [AuditCode("group-day-view")] Attendance_GroupDayView = 2013,
    [AuditCode("attendance-record-changed")] Attendance_RecordChanged = 2014,
    [AuditCode("leave-request")] Attendance_LeaveRequest = 2020,
    [AuditCode("leave-requests")] Attendance_LeaveRequests = 2021,
    [AuditCode("leave-withdraw")] Attendance_LeaveWithdrawn = 2022,
    [AuditCode("leave-decision")] Attendance_LeaveDecision = 2023,
    [AuditCode("leave-evidence")] Attendance_LeaveEvidence = 2024,
    [AuditCode("absence-report-created")] Attendance_ReportCreated = 2030,
    [AuditCode("absence-report-updated")] Attendance_ReportUpdated = 2031,
    [AuditCode("absence-report-withdrawn")] Attendance_ReportWithdrawn = 2032,
    [AuditCode("absence-report-confirm")] Attendance_ReportConfirmed = 2033,
    [AuditCode("absence-report-personal-number")] Attendance_ReportPersonalNumber = 2034,
    [AuditCode("absence-report-queue")] Attendance_ReportQueue = 2035,
    [AuditCode("absence-report-export")] Attendance_ReportExport = 2036,
    [AuditCode("absence-report-officer")] Attendance_ReportOfficer = 2037,
    [AuditCode("care-signal-raised")] Attendance_CareSignalRaised = 2040,
    [AuditCode("care-signal-list")] Attendance_CareSignalList = 2041,
    [AuditCode("care-signal-handled")] Attendance_CareSignalHandled = 2042,
    [AuditCode("guardian-alert-sent")] Attendance_GuardianAlertSent = 2050,

    // Leerplicht 2200–2299
    [AuditCode("leerplicht-case-opened")] Leerplicht_CaseOpened = 2200,
    [AuditCode("leerplicht-case-closed")] Leerplicht_CaseClosed = 2201,
    [AuditCode("leerplicht-case")] Leerplicht_Case = 2202,
    [AuditCode("leerplicht-note")] Leerplicht_Note = 2203,
    [AuditCode("leerplicht-status")] Leerplicht_Status = 2204,

    // Careers 3000–3199: candidates are not learners and have no chain; their access is CandidateAccess's.
    // Accounts 4000–4099, system and jobs 9000–9099: reserved; jobs record the events of the area they work in.
}

/// <summary>The stored code of an <see cref="AuditEvent"/>: frozen once an entry carries it (it is in the hash).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class AuditCodeAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}

public static class AuditEvents
{
    private static readonly FrozenDictionary<AuditEvent, string> Codes = Enum.GetValues<AuditEvent>().ToFrozenDictionary(e => e,
        e => typeof(AuditEvent).GetField(e.ToString())!.GetCustomAttribute<AuditCodeAttribute>()?.Code
            ?? throw new InvalidOperationException($"AuditEvent.{e} has no [AuditCode]."));

    private static readonly FrozenDictionary<string, AuditEvent> ByCode = Codes.ToFrozenDictionary(x => x.Value, x => x.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<AuditEvent> All => Codes.Keys;

    /// <summary>The code stored in <see cref="AuditEntry.Action"/> (e.g. "learner-card").</summary>
    public static string Code(this AuditEvent e) => Codes[e];

    /// <summary>The event a stored code stands for; null for an unknown code.</summary>
    public static AuditEvent? Parse(string? code) => code is not null && ByCode.TryGetValue(code, out var e) ? e : null;
}
