using System.Text.Json;
using Leerkluis.Web.Features.Attendance.Rules;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.Notices;

public sealed record ReportAbsenceCommand(string? Code, DateOnly? From, DateOnly? To, int? FromPeriod, int? ToPeriod, string? Reason);
public sealed record RecoveredCommand(DateOnly? Day);

public sealed record NoticeView(Guid Id, string Code, string CodeName, string Category, string Source, DateOnly From, int? FromPeriod,
    DateOnly? To, int? ToPeriod, string? Reason, DateTime ReportedUtc, DateTime? RecoveredUtc, bool Open);
public sealed record RecordView(Guid Id, DateOnly Day, int Period, string Code, string CodeName, string Category, string Source,
    int Minutes, int? MinutesLate, bool Reported);
public sealed record AbsenceHistory(Guid LearnerId, string LearnerName, DateOnly From, DateOnly To,
    IReadOnlyList<NoticeView> Notices, IReadOnlyList<RecordView> Records, bool CanReport);

public sealed record CodeOption(string Code, string Name, AbsenceCategory Category);
public sealed record PeriodOption(int Number, string Label);
/// <summary>What the report form offers: the codes this reporter may use and the school's periods (day parts or lessons).</summary>
public sealed record ReportOptions(Guid LearnerId, string LearnerName, string SchoolName, IReadOnlyList<CodeOption> Codes,
    IReadOnlyList<PeriodOption> Periods, PeriodKind Kind, AttendanceSettings Settings, DateOnly Today);

/// <summary>
/// Absence notices (ziekmelding, afmelding) by guardians and school staff, recovery (beter melden), and the learner's
/// absence history. Guardians may only use the codes their school opens to them, within the school's limits
/// (<see cref="ReportLimits"/>); staff may use every active code, for past days too. Every read and write goes
/// through <see cref="DossierGuard"/> (Section.Absence), so it is audited; a child without authority is a 404.
/// </summary>
public sealed class AbsenceNotices(LeerkluisDb db, DossierGuard guard, SchoolSetups setups, TimeProvider clock)
{
    public const int ReasonMax = 500;

    public async Task<Guid> ReportAsync(Guid learnerId, ReportAbsenceCommand c, CancellationToken ct = default)
    {
        var decision = await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_AbsenceNotice, ct);
        var asGuardian = RequireReporter(decision);
        var today = Amsterdam.Today(clock);
        var v = new Validation().Max("reason", c.Reason, "Toelichting", ReasonMax);
        if (c.From is not { } from)
        {
            v.Add("from", "Kies de eerste dag van de afwezigheid.");
            v.ThrowIfInvalid();
            return default;
        }
        var placement = await LearnerPlacement.OnAsync(db, learnerId, from, asGuardian ? null : guard.Actor.SchoolId, ct)
            ?? throw ValidationFailedException.For("from", $"Op {Amsterdam.Date(from)} staat deze leerling niet ingeschreven op een school.");
        // The school's set-up from the minute cache: on a Monday morning every family of a school reports at once.
        var setup = await setups.ForSchoolAsync(placement.SchoolId, ct);
        var settings = setup.Settings;
        var week = setup.Week;

        var codeText = c.Code?.Trim().ToUpperInvariant();
        var code = string.IsNullOrEmpty(codeText) ? null : setup.Code(codeText) is { Active: true } known ? known : null;
        if (string.IsNullOrEmpty(codeText)) v.Add("code", "Kies de reden van afwezigheid.");
        else if (code is null) v.Add("code", $"De school kent de reden '{codeText}' niet.");
        else if (asGuardian && !code.GuardianMayUse) v.Add("code", "Deze reden kan alleen de school invullen. Kies ziek, een afspraak of overig.");

        // Only a sick report stays open until "beter gemeld"; any other notice without an end is for one day.
        var to = c.To ?? (code?.Category == AbsenceCategory.Sick ? null : from);
        if (asGuardian)
        {
            var now = TimeOnly.FromDateTime(Amsterdam.ToLocal(clock.GetUtcNow().UtcDateTime));
            foreach (var (field, message) in ReportLimits.Check(settings, today, now, from, to)) v.Add(Camel(field), message);
        }
        else if (to is { } end && end < from) v.Add("to", "De einddatum ligt vóór de begindatum.");

        if (to is { } last && last >= from && week.Calendar.CountSchoolDays(from, last) == 0)
            v.Add("from", "In deze periode zijn geen schooldagen; melden is niet nodig.");
        CheckPeriod(v, week, placement.GroupId, "fromPeriod", from, c.FromPeriod);
        if (c.ToPeriod is not null && to is null) v.Add("toPeriod", "Een laatste lesuur of dagdeel kan alleen bij een melding met een einddatum.");
        else if (to is { } toDay) CheckPeriod(v, week, placement.GroupId, "toPeriod", toDay, c.ToPeriod);
        if (to == from && c.FromPeriod is { } fp && c.ToPeriod is { } tp && tp < fp)
            v.Add("toPeriod", "Het laatste lesuur of dagdeel ligt vóór het eerste.");

        if (code?.Category == AbsenceCategory.Sick && placement.OpenSickSince is { } since)
            v.Add("code", $"Er loopt al een ziekmelding sinds {Amsterdam.Date(since)}. Meld uw kind eerst beter.");
        v.ThrowIfInvalid();

        var notice = new AbsenceNotice
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = placement.SchoolId, CodeId = code!.Id,
            Source = asGuardian ? NoticeSource.Guardian : NoticeSource.School,
            From = from, FromPeriod = c.FromPeriod, To = to, ToPeriod = to is null ? null : c.ToPeriod,
            Reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim(),
            ReportedByUserId = guard.Actor.UserId, ReportedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(notice);
        await db.SaveChangesAsync(ct);
        return notice.Id;
    }

    /// <summary>Beter melden: <paramref name="c"/>.Day is the first day back, so the notice ends the day before.</summary>
    public async Task<NoticeView> RecoveredAsync(Guid learnerId, Guid noticeId, RecoveredCommand c, CancellationToken ct = default)
    {
        var decision = await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_AbsenceRecovered, ct);
        RequireReporter(decision);
        var notice = await db.Set<AbsenceNotice>().FirstOrDefaultAsync(n => n.LearnerId == learnerId && n.Id == noticeId && n.WithdrawnUtc == null, ct)
            ?? throw new NotFoundException();
        var v = new Validation();
        if (notice.To is not null) v.Add("day", "Deze melding is al afgesloten.");
        else if (c.Day is not { } day) v.Add("day", "Kies de dag waarop uw kind weer naar school gaat.");
        else if (day <= notice.From) v.Add("day", $"Uw kind is afgemeld vanaf {Amsterdam.Date(notice.From)}; de eerste dag weer op school ligt daarna.");
        v.ThrowIfInvalid();
        notice.To = c.Day!.Value.AddDays(-1);
        notice.ToPeriod = null;
        notice.RecoveredUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var code = await db.Set<AbsenceCode>().AsNoTracking().FirstAsync(x => x.Id == notice.CodeId, ct);
        return ToView(notice, code);
    }

    /// <summary>Notices and records of the learner that touch the span (default: this school year up to 60 days ahead), newest first.</summary>
    public async Task<AbsenceHistory> HistoryAsync(Guid learnerId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var decision = await guard.ReadAsync(learnerId, Section.Absence, AuditEvent.Attendance_Absences, ct);
        var today = Amsterdam.Today(clock);
        var start = from ?? SchoolYear.Containing(today).FirstDay;
        var end = to ?? today.AddDays(60);
        if (end < start) throw ValidationFailedException.For("to", "De einddatum ligt vóór de begindatum.");

        var notices = await db.Set<AbsenceNotice>().AsNoTracking()
            .Where(n => n.LearnerId == learnerId && n.WithdrawnUtc == null && n.From <= end && (n.To == null || n.To >= start))
            .OrderByDescending(n => n.From).Take(500).ToListAsync(ct);
        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => r.LearnerId == learnerId && r.Day >= start && r.Day <= end)
            .OrderByDescending(r => r.Day).ThenBy(r => r.PeriodNumber).Take(2000).ToListAsync(ct);
        var codeIds = notices.Select(n => n.CodeId).Concat(records.Select(r => r.CodeId)).Distinct().ToList();
        var codes = await db.Set<AbsenceCode>().AsNoTracking().Where(x => codeIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var canReport = decision.Relation is Relation.Guardian or Relation.Teacher or Relation.SchoolAdmin;
        return new AbsenceHistory(learnerId, await LearnerNames.OfAsync(db, learnerId, ct), start, end,
            notices.Select(n => ToView(n, codes[n.CodeId])).ToList(),
            records.Select(r => new RecordView(r.Id, r.Day, r.PeriodNumber, codes[r.CodeId].Code, codes[r.CodeId].Name, Camel(r.Category.ToString()),
                Camel(r.Source.ToString()), r.Minutes, r.MinutesLate, r.NoticeId is not null || r.Source != RecordSource.RollCall)).ToList(),
            canReport);
    }

    /// <summary>
    /// Today's absence that nobody reported (the roll call marked it), for the guardian's child page. Audited only
    /// when there is something to show: a card view without such absence reads nothing from the section.
    /// </summary>
    public async Task<IReadOnlyList<RecordView>> UnreportedTodayAsync(Guid learnerId, CancellationToken ct = default)
    {
        if (!(await guard.PeekAsync(learnerId, Section.Absence, Operation.Read, ct)).Allowed) return [];
        var today = Amsterdam.Today(clock);
        var rows = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => r.LearnerId == learnerId && r.Day == today && r.Source == RecordSource.RollCall && r.NoticeId == null
                && r.Category == AbsenceCategory.Unexcused)
            .OrderBy(r => r.PeriodNumber).ToListAsync(ct);
        if (rows.Count == 0) return [];
        await guard.ReadAsync(learnerId, Section.Absence, AuditEvent.Attendance_UnreportedToday, ct);
        var codeIds = rows.Select(r => r.CodeId).Distinct().ToList();
        var codes = await db.Set<AbsenceCode>().AsNoTracking().Where(x => codeIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        return rows.Select(r => new RecordView(r.Id, r.Day, r.PeriodNumber, codes[r.CodeId].Code, codes[r.CodeId].Name, Camel(r.Category.ToString()),
            Camel(r.Source.ToString()), r.Minutes, r.MinutesLate, false)).ToList();
    }

    /// <summary>The report form's choices. Decides like a write, without auditing: nothing of the dossier is shown yet.</summary>
    public async Task<ReportOptions> OptionsAsync(Guid learnerId, CancellationToken ct = default)
    {
        var decision = await guard.PeekAsync(learnerId, Section.Absence, Operation.Write, ct);
        if (!decision.Allowed) throw new NotFoundException();
        var asGuardian = RequireReporter(decision);
        var today = Amsterdam.Today(clock);
        var placement = await LearnerPlacement.OnAsync(db, learnerId, today, asGuardian ? null : guard.Actor.SchoolId, ct) ?? throw new NotFoundException();
        var setup = await setups.ForSchoolAsync(placement.SchoolId, ct);
        var (settings, week) = (setup.Settings, setup.Week);
        var codes = setup.ActiveCodes.Where(x => !asGuardian || x.GuardianMayUse)
            .OrderBy(x => x.Category == AbsenceCategory.Sick ? 0 : 1).ThenBy(x => x.Category).ThenBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => new CodeOption(x.Code, x.Name, x.Category)).ToList();
        // By number with the times of the first weekday that has it; the submission checks the group's own timetable for the day.
        var periods = week.AllPeriods.GroupBy(p => p.Number).OrderBy(g => g.Key)
            .Select(g => new PeriodOption(g.Key, PeriodLabel(g.First()))).ToList();
        var kind = week.AllPeriods is [var first, ..] ? first.Kind : PeriodKind.DayPart;
        return new ReportOptions(learnerId, await LearnerNames.OfAsync(db, learnerId, ct), placement.SchoolName,
            codes, periods, kind, settings, today);
    }

    private static string PeriodLabel(SchoolPeriod p) => p.Kind == PeriodKind.DayPart
        ? (p.Start.Hour < 12 ? "ochtend" : "middag") + $" ({p.Start:HH\\:mm}–{p.End:HH\\:mm})"
        : $"{p.Number}e uur ({p.Start:HH\\:mm})";

    /// <summary>Guardians, the learner's teachers and the school's administration report; the use case narrows the matrix's "own" writes.</summary>
    private static bool RequireReporter(Decision decision) => decision.Relation switch
    {
        Relation.Guardian => true,
        Relation.Teacher or Relation.SchoolAdmin => false,
        _ => throw new NotFoundException(),
    };

    private static void CheckPeriod(Validation v, SchoolWeek week, Guid? groupId, string field, DateOnly day, int? number)
    {
        if (number is not { } n || !week.Calendar.IsSchoolDay(day)) return;
        if (week.PeriodsOf(groupId, day).All(p => p.Number != n))
            v.Add(field, $"Op {Amsterdam.Date(day)} is er geen lesuur of dagdeel {n}.");
    }

    private static NoticeView ToView(AbsenceNotice n, AbsenceCode code) => new(n.Id, code.Code, code.Name, Camel(code.Category.ToString()),
        Camel(n.Source.ToString()), n.From, n.FromPeriod, n.To, n.ToPeriod, n.Reason, n.ReportedUtc, n.RecoveredUtc, n.To is null);

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
