namespace Leerkluis.Web.Features.Attendance;

// School set-up (shared tables, reference tables under Citus): settings, periods, timetable, closures, codes.
// Dossier tables (LearnerId, Id): notices, records, reports, leave requests, care signals (ADR 0002).

/// <summary>How a guardian hears of an unreported absence the same morning.</summary>
public enum GuardianAlertChannel { None = 0, Email = 1 }

/// <summary>A school's attendance rules. Absent row = the defaults below.</summary>
public sealed class AttendanceSettings
{
    public Guid SchoolId { get; set; }
    /// <summary>Reports for today are accepted until this local time (e.g. 08:30); null = all day.</summary>
    public TimeOnly? SameDayDeadline { get; set; } = new(8, 30);
    /// <summary>Whether guardians may report absence for days already past.</summary>
    public bool AllowPastReports { get; set; }
    /// <summary>How far ahead a guardian may report (days).</summary>
    public int MaxDaysAhead { get; set; } = 60;
    public GuardianAlertChannel AlertChannel { get; set; } = GuardianAlertChannel.Email;
    /// <summary>Care signal: this many sick reports ...</summary>
    public int SickSignalCount { get; set; } = 4;
    /// <summary>... within this many school weeks ...</summary>
    public int SickSignalWeeks { get; set; } = 12;
    /// <summary>... or a sick spell of more than this many consecutive school days.</summary>
    public int SickSignalConsecutiveDays { get; set; } = 6;
}

public enum PeriodKind { DayPart = 1, Lesson = 2 }

/// <summary>
/// One unit of school time on a weekday: a day part (po: morning, afternoon) or a lesson period (vo: 1st hour ...).
/// A group without timetable slots follows all periods of its school (po); a group with slots follows only those (vo).
/// </summary>
public sealed class SchoolPeriod
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public DayOfWeek Weekday { get; set; }
    /// <summary>1-based order within the day.</summary>
    public int Number { get; set; }
    public PeriodKind Kind { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

/// <summary>A group's lesson in a period of the week (the timetable, rooster), with subject and teacher.</summary>
public sealed class TimetableSlot
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid SchoolPeriodId { get; set; }
    public required string Subject { get; set; }
    public Guid? StaffId { get; set; }
}

public enum ClosureKind { Holiday = 1, StudyDay = 2 }

/// <summary>School holidays and study days: no school days. A week entirely in holidays is not a school week.</summary>
public sealed class SchoolClosure
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public required string Name { get; set; }
    public ClosureKind Kind { get; set; }
    public DateOnly From { get; set; }
    /// <summary>Inclusive.</summary>
    public DateOnly To { get; set; }
}

/// <summary>What an absence is, legally: only Unexcused counts toward the 16-hour rule.</summary>
public enum AbsenceCategory { Excused = 1, Unexcused = 2, Sick = 3, Late = 4, RemovedFromClass = 5, Leave = 6 }

public sealed class AbsenceCode
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    /// <summary>Short code shown in the roll call (e.g. Z, OV, TL).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AbsenceCategory Category { get; set; }
    /// <summary>Whether guardians may choose it when they report.</summary>
    public bool GuardianMayUse { get; set; }
    public bool Active { get; set; } = true;
}

public enum NoticeSource { Guardian = 1, Learner = 2, School = 3, Leave = 4 }

/// <summary>
/// A statement that a learner is or will be absent (ziekmelding, afmelding, granted leave) for a span of days,
/// optionally from / until a period. Open-ended while To is null (sick until "beter gemeld").
/// The roll call pre-fills from it; the attendance records are the truth per period.
/// </summary>
public sealed class AbsenceNotice
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid CodeId { get; set; }
    public NoticeSource Source { get; set; }
    public DateOnly From { get; set; }
    /// <summary>First period number on From (null = whole day).</summary>
    public int? FromPeriod { get; set; }
    /// <summary>Last day (inclusive); null while open (sick, not yet recovered).</summary>
    public DateOnly? To { get; set; }
    /// <summary>Last period number on To (null = whole day).</summary>
    public int? ToPeriod { get; set; }
    public string? Reason { get; set; }
    public Guid? ReportedByUserId { get; set; }
    public DateTime ReportedUtc { get; set; }
    /// <summary>Set when the guardian reports recovery (beter melden).</summary>
    public DateTime? RecoveredUtc { get; set; }
    public Guid? LeaveRequestId { get; set; }
    public DateTime? WithdrawnUtc { get; set; }

    public bool Covers(DateOnly day, int periodNumber) =>
        WithdrawnUtc is null
        && (day > From || (day == From && (FromPeriod is null || periodNumber >= FromPeriod)))
        && (To is null || day < To || (day == To && (ToPeriod is null || periodNumber <= ToPeriod)));
}

public enum RecordSource { RollCall = 1, Guardian = 2, School = 3, Leave = 4 }

/// <summary>
/// The learner's state in one period of one day, when not simply present: absent with a code, or late.
/// One row per (learner, day, period). Stamp changes on every write: a roll call saved over a stamp it did
/// not load is a conflict, not an overwrite.
/// </summary>
public sealed class AttendanceRecord
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public DateOnly Day { get; set; }
    public int PeriodNumber { get; set; }
    public Guid CodeId { get; set; }
    /// <summary>Category of the code at the time of writing (kept so counting needs no join).</summary>
    public AbsenceCategory Category { get; set; }
    /// <summary>Counted time in minutes (po clock time, vo a lesson of at most 60 minutes).</summary>
    public int Minutes { get; set; }
    public int? MinutesLate { get; set; }
    public RecordSource Source { get; set; }
    public Guid? NoticeId { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime RecordedUtc { get; set; }
    public Guid Stamp { get; set; }
}

/// <summary>That a group's roll for a period was taken, by whom and when (group data, no dossier content).</summary>
public sealed class RollCall
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public DateOnly Day { get; set; }
    public int PeriodNumber { get; set; }
    public Guid TakenByUserId { get; set; }
    public DateTime TakenUtc { get; set; }
}

public enum AbsenceReportType { SixteenHours = 1, LongTerm = 2 }

public enum AbsenceReportStatus { Pending = 1, Confirmed = 2, Withdrawn = 3 }

/// <summary>
/// A verzuimmelding for DUO's verzuimregister and the attendance officer: the fields DUO asks for, frozen when
/// confirmed (learner, PGN, school BRIN and location, period, hours, type).
/// </summary>
public sealed class AbsenceReport
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public AbsenceReportType Type { get; set; }
    public AbsenceReportStatus Status { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>Unexcused time in the report, in minutes (hours = Minutes / 60).</summary>
    public int Minutes { get; set; }
    public DateTime CreatedUtc { get; set; }
    public Guid? ConfirmedByUserId { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? WithdrawnUtc { get; set; }
    public string? WithdrawnReason { get; set; }
    /// <summary>Filled on confirmation: what DUO receives.</summary>
    public string? PersonalNumber { get; set; }
    public string? Brin { get; set; }
    public string? LocationCode { get; set; }
    /// <summary>Home municipality on confirmation: whose attendance officer receives it.</summary>
    public string? MunicipalityCode { get; set; }
}

public enum CareSignalKind { FrequentSick = 1, LongSick = 2 }

/// <summary>A signal for the care coordinator: frequent or long sick reports (zorgsignaal).</summary>
public sealed class CareSignal
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public CareSignalKind Kind { get; set; }
    public DateOnly RaisedOn { get; set; }
    public required string Detail { get; set; }
    public DateTime? HandledUtc { get; set; }
    public Guid? HandledByUserId { get; set; }
}

public enum AlertStatus { Pending = 1, Sent = 2, Skipped = 3 }

/// <summary>Outbox of same-morning messages to guardians about an unreported absence; a worker sends them.</summary>
public sealed class GuardianAlert
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public DateOnly Day { get; set; }
    public int PeriodNumber { get; set; }
    public AlertStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
}
