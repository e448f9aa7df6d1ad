using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.RollCalls;

/// <summary>
/// The roll call of one group in one period: load it pre-filled (records already saved, else what guardians reported),
/// and save all lines in one request and one transaction. Cost of a save: the group's learners (1 query), their
/// records in the period (1), the notices of the day when someone is absent (1), the roll-call row (1), alerts already
/// sent today when an unreported absence is new (1), and one SaveChanges; the school's set-up comes from memory.
/// Only learners whose absence data is shown or changed are audited (ADR 0007).
/// </summary>
public sealed class RollCallService(LeerkluisDb db, AccessDecision access, DossierGuard guard, GroupAccess groups, SchoolSetups setups,
    TimeProvider clock)
{
    /// <summary>What saving the roll call needs of one learner; read in the one query that also settles access.</summary>
    private sealed class SaveRow
    {
        public Guid Id { get; init; }
        public AttendanceRecord? Record { get; init; }
        public required List<AbsenceNotice> Notices { get; init; }
        public bool Alerted { get; init; }
        public Guid? RollCallId { get; init; }
    }

    /// <summary>What the roll-call view needs of one learner; read in the one query that also settles access.</summary>
    private sealed class ViewRow
    {
        public Guid Id { get; init; }
        public required string FirstNames { get; init; }
        public string? CallName { get; init; }
        public string? Prefix { get; init; }
        public required string LastName { get; init; }
        public AttendanceRecord? Record { get; init; }
        public required List<AbsenceNotice> Notices { get; init; }
        public string? GroupName { get; init; }
        public DateTime? Taken { get; init; }
    }

    public async Task<RollCallView> LoadAsync(Guid groupId, DateOnly? day, int? period, CancellationToken ct = default)
    {
        var actor = groups.Actor;
        if (actor.SchoolId is not { } schoolId) throw new NotFoundException();
        var setup = await setups.ForSchoolAsync(schoolId, ct);
        var (theDay, periods, thePeriod) = await DayAndPeriodAsync(groupId, setup, day, period, ct);
        var number = thePeriod.Number;

        // One query: the learners the actor may see (access primed), their names, their record for the period, the
        // notices touching the day, and the group's name and whether the roll was taken (evaluated once by the database).
        var rows = await access.PrimeGroupAsync(actor, groupId, ids =>
            from l in db.Learners.AsNoTracking()
            where ids.Contains(l.Id)
            join r in db.Set<AttendanceRecord>().AsNoTracking().Where(r => r.Day == theDay && r.PeriodNumber == number) on l.Id equals r.LearnerId into rs
            from r in rs.DefaultIfEmpty()
            select new ViewRow
            {
                Id = l.Id, FirstNames = l.FirstNames, CallName = l.CallName, Prefix = l.Prefix, LastName = l.LastName, Record = r,
                Notices = db.Set<AbsenceNotice>().Where(n => n.LearnerId == l.Id && n.WithdrawnUtc == null && n.From <= theDay && (n.To == null || n.To >= theDay)).ToList(),
                GroupName = db.Set<Group>().Where(g => g.Id == groupId).Select(g => g.Name).FirstOrDefault(),
                Taken = db.Set<RollCall>().Where(x => x.GroupId == groupId && x.Day == theDay && x.PeriodNumber == number).Select(x => (DateTime?)x.TakenUtc).FirstOrDefault(),
            }, row => row.Id, ct);
        string groupName;
        DateTime? takenUtc;
        if (rows.Count > 0) (groupName, takenUtc) = (rows[0].GroupName ?? "", rows[0].Taken);
        else
        {
            // No learners: a group without learners, or one the actor may not open (404).
            groupName = (await groups.GroupAsync(groupId, ct)).Name;
            takenUtc = await db.Set<RollCall>().Where(x => x.GroupId == groupId && x.Day == theDay && x.PeriodNumber == number)
                .Select(x => (DateTime?)x.TakenUtc).FirstOrDefaultAsync(ct);
        }
        // SQLite hands times back without a kind; the API promises UTC.
        var taken = takenUtc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : (DateTime?)null;
        var names = rows.Select(r => GroupAccess.Name(r.Id, r.FirstNames, r.CallName, r.Prefix, r.LastName)).ToList();
        GroupAccess.Sort(names);
        var records = rows.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        var notices = rows.SelectMany(r => r.Notices).ToList();

        var recordOf = records.ToDictionary(r => r.LearnerId);
        var lines = new List<RollCallLine>(names.Count);
        foreach (var learner in names)
        {
            var notice = GroupAccess.Covering(notices, learner.Id, theDay, thePeriod.Number);
            if (recordOf.TryGetValue(learner.Id, out var r))
            {
                lines.Add(new RollCallLine(learner.Id, learner.Name, MarkNames.Of(r.Category), setup.Code(r.CodeId)?.Code, MarkNames.Of(r.Source),
                    r.MinutesLate, r.Stamp, r.NoticeId ?? notice?.Id) { RecordId = r.Id, NoticeReason = notice?.Reason });
            }
            else if (notice is not null)
            {
                lines.Add(new RollCallLine(learner.Id, learner.Name, MarkNames.Absent, setup.Code(notice.CodeId)?.Code, MarkNames.Of(notice.Source),
                    null, null, notice.Id) { NoticeReason = notice.Reason });
            }
            else lines.Add(new RollCallLine(learner.Id, learner.Name, MarkNames.Present, null, null, null, null, null));
        }

        // Only the learners whose absence data the teacher sees are recorded as read; the entries commit before the answer.
        var shown = lines.Where(l => l.Source is not null).ToList();
        foreach (var line in shown) await guard.RequireAsync(line.LearnerId, Section.Absence, Operation.Read, AuditEvent.Attendance_RollCallView, ct);
        await guard.CommitReadsAsync(ct);

        var periodViews = periods.Select(p => new RollCallPeriod(p.Number, p.Start, p.End, p.Subject)).ToList();
        return new RollCallView(groupId, theDay, thePeriod.Number, periodViews, taken, lines) { GroupName = groupName, Codes = setup.ActiveCodes.ToList() };
    }

    /// <summary>
    /// The day and period asked for, checked against the school's set-up. A group the actor may not open answers 404
    /// before any remark about the day, as it would if the day were right.
    /// </summary>
    private async Task<(DateOnly Day, IReadOnlyList<ScheduledPeriod> Periods, ScheduledPeriod Period)> DayAndPeriodAsync(
        Guid groupId, SchoolSetup setup, DateOnly? day, int? period, CancellationToken ct, bool notAfterToday = false)
    {
        try
        {
            var theDay = groups.SchoolDay(setup, day);
            if (notAfterToday && theDay > groups.Today)
                throw ValidationFailedException.For("day", $"De absentie van {Amsterdam.Date(theDay)} kunt u pas op die dag registreren.");
            var periods = setup.Week.PeriodsOf(groupId, theDay);
            return (theDay, periods, groups.Period(periods, theDay, period));
        }
        catch (ValidationFailedException)
        {
            await groups.GroupAsync(groupId, ct);
            throw;
        }
    }

    public async Task<RollCallSaved> SaveAsync(Guid groupId, SaveRollCallCommand command, CancellationToken ct = default)
    {
        try
        {
            return await SaveOnceAsync(groupId, command, ct);
        }
        catch (DbUpdateException)
        {
            // Another save for the same learner and period (or the same roll call) committed between our read and our
            // write. Read again: the stamps now show who was first, and a second save of the same roll call updates.
            db.ChangeTracker.Clear();
            return await SaveOnceAsync(groupId, command, ct);
        }
    }

    private async Task<RollCallSaved> SaveOnceAsync(Guid groupId, SaveRollCallCommand command, CancellationToken ct)
    {
        var actor = groups.Actor;
        if (!groups.MayWrite || actor.SchoolId is not { } schoolId || actor.UserId is not { } userId) throw new NotFoundException();
        var required = new Validation();
        if (command.Day is null) required.Add("day", "Kies de dag.");
        if (command.Period is null) required.Add("period", "Kies het uur of dagdeel.");
        if (command.Entries is null) required.Add("entries", "Geef de leerlingen mee.");
        required.ThrowIfInvalid();
        var day = command.Day!.Value;
        var entries = command.Entries!;

        var setup = await setups.ForSchoolAsync(schoolId, ct);
        var (_, _, period) = await DayAndPeriodAsync(groupId, setup, day, command.Period, ct, notAfterToday: true);
        var number = period.Number;

        // One query: the learners the actor may act on (access primed), their record for the period, the notices
        // touching the day, whether their guardians were alerted today, and the roll call's row.
        var rows = await access.PrimeGroupAsync(actor, groupId, ids =>
            from l in db.Learners.AsNoTracking()
            where ids.Contains(l.Id)
            join r in db.Set<AttendanceRecord>().AsNoTracking().Where(r => r.Day == day && r.PeriodNumber == number) on l.Id equals r.LearnerId into rs
            from r in rs.DefaultIfEmpty()
            select new SaveRow
            {
                Id = l.Id, Record = r,
                Notices = db.Set<AbsenceNotice>().Where(n => n.LearnerId == l.Id && n.WithdrawnUtc == null && n.From <= day && (n.To == null || n.To >= day)).ToList(),
                // A correlated lookup on (LearnerId, Day), not EXISTS: PostgreSQL may run an EXISTS once over all of the
                // day's alerts, which grow all Monday morning.
                Alerted = db.Set<GuardianAlert>().Where(a => a.LearnerId == l.Id && a.Day == day).Select(a => (Guid?)a.Id).FirstOrDefault() != null,
                RollCallId = db.Set<RollCall>().Where(x => x.GroupId == groupId && x.Day == day && x.PeriodNumber == number).Select(x => (Guid?)x.Id).FirstOrDefault(),
            }, row => row.Id, ct);
        // An empty answer means either a group without learners or one the actor may not open: only then ask which.
        if (rows.Count == 0) await groups.GroupAsync(groupId, ct);

        var wanted = Validate(entries, rows.Select(r => r.Id).ToHashSet(), setup, period);
        var records = rows.Where(r => r.Record is not null && wanted.ContainsKey(r.Id)).ToDictionary(r => r.Id, r => r.Record!);
        // The priming query reads without tracking: the records it brought are attached here, so changes to them are saved.
        foreach (var record in records.Values) db.Attach(record);
        var notices = rows.Where(r => wanted.TryGetValue(r.Id, out var m) && m.Mark == Mark.Absent).SelectMany(r => r.Notices).ToList();
        var alertedToday = rows.Where(r => r.Alerted).Select(r => r.Id).ToHashSet();

        var unreportedCode = setup.Code(AttendanceDefaults.UnreportedCode) ?? throw new InvalidOperationException("code OV missing");
        var lateCode = setup.Code(AttendanceDefaults.LateCode) ?? throw new InvalidOperationException("code TL missing");
        var steps = new Dictionary<Guid, RollCallStep>();
        var conflicts = new List<Guid>();
        foreach (var (learnerId, mark) in wanted)
        {
            var record = records.GetValueOrDefault(learnerId);
            var standing = record is null ? null : new StandingRecord(record.CodeId, record.MinutesLate, record.Stamp);
            var notice = GroupAccess.Covering(notices, learnerId, day, period.Number);
            var covering = notice is null ? null : new CoveringNotice(notice.Id, notice.CodeId, notice.Source);
            var step = RollCallRules.Plan(mark, standing, covering, id => setup.Code(id)?.Category ?? AbsenceCategory.Excused, unreportedCode.Id, lateCode.Id);
            steps[learnerId] = step;
            if (RollCallRules.IsConflict(step, standing, mark.LoadedStamp)) conflicts.Add(learnerId);
        }
        if (conflicts.Count > 0) await RefuseAsync(conflicts, wanted, records, steps, setup, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var unreported = new List<Guid>();
        foreach (var (learnerId, step) in steps)
        {
            if (step is RollCallStep.Keep) continue;
            await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_RollCallSave, ct);
            var record = records.GetValueOrDefault(learnerId);
            if (step is RollCallStep.Write w)
            {
                var code = setup.Code(w.CodeId)!;
                if (record is null)
                {
                    record = new AttendanceRecord { LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, Day = day, PeriodNumber = period.Number };
                    db.Add(record);
                }
                record.CodeId = code.Id;
                record.Category = code.Category;
                record.Minutes = code.Category == AbsenceCategory.Late ? w.MinutesLate ?? 0 : period.CountedMinutes;
                record.MinutesLate = w.MinutesLate;
                record.Source = w.Source;
                record.NoticeId = w.NoticeId;
                record.RecordedByUserId = userId;
                record.RecordedUtc = now;
                record.Stamp = Guid.NewGuid();
                if (w.Unreported) unreported.Add(learnerId);
            }
            else if (record is not null) db.Remove(record);
        }

        var alerts = 0;
        if (unreported.Count > 0 && setup.Settings.AlertChannel == GuardianAlertChannel.Email)
        {
            // One message per learner per morning, however many periods are missed.
            foreach (var learnerId in unreported.Where(id => !alertedToday.Contains(id)))
            {
                db.Add(new GuardianAlert
                {
                    LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, Day = day, PeriodNumber = period.Number,
                    Status = AlertStatus.Pending, CreatedUtc = now,
                });
                alerts++;
            }
        }

        var takenBefore = rows.Count > 0 ? rows[0].RollCallId
            : await db.Set<RollCall>().Where(x => x.GroupId == groupId && x.Day == day && x.PeriodNumber == number).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        if (takenBefore is { } rollCallId)
        {
            // Taken before: update who took it and when, without reading the row again.
            var rollCall = new RollCall { Id = rollCallId, GroupId = groupId, Day = day, PeriodNumber = number };
            db.Attach(rollCall);
            rollCall.TakenByUserId = userId;
            rollCall.TakenUtc = now;
            db.Entry(rollCall).Property(x => x.TakenByUserId).IsModified = true;
            db.Entry(rollCall).Property(x => x.TakenUtc).IsModified = true;
        }
        else db.Add(new RollCall { Id = Guid.CreateVersion7(), GroupId = groupId, Day = day, PeriodNumber = number, TakenByUserId = userId, TakenUtc = now });
        await db.SaveChangesAsync(ct);
        return new RollCallSaved(entries.Count, alerts);
    }

    /// <summary>Checks every line against the group and the school's codes; all errors at once, nothing saved.</summary>
    private static Dictionary<Guid, WantedMark> Validate(IReadOnlyList<RollCallEntry> entries, HashSet<Guid> members, SchoolSetup setup, ScheduledPeriod period)
    {
        var v = new Validation();
        var wanted = new Dictionary<Guid, WantedMark>();
        var lineOf = new Dictionary<Guid, int>();
        var maxLate = (int)(period.End - period.Start).TotalMinutes;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var field = $"entries[{i}]";
            var line = $"Regel {i + 1}";
            if (!members.Contains(e.LearnerId)) { v.Add($"{field}.learnerId", $"{line}: deze leerling zit niet in deze groep."); continue; }
            if (lineOf.TryGetValue(e.LearnerId, out var first)) { v.Add($"{field}.learnerId", $"{line}: deze leerling staat al op regel {first + 1}."); continue; }
            lineOf[e.LearnerId] = i;
            var mark = MarkNames.Parse(e.State);
            if (mark is null) { v.Add($"{field}.state", $"{line}: kies aanwezig, afwezig of te laat."); continue; }
            AbsenceCode? code = null;
            if (mark != Mark.Present && !string.IsNullOrWhiteSpace(e.Code))
            {
                code = setup.Code(e.Code);
                if (code is null || !code.Active) { v.Add($"{field}.code", $"{line}: de code '{e.Code.Trim()}' bestaat niet (meer) op deze school."); continue; }
                if (mark == Mark.Absent && code.Category == AbsenceCategory.Late)
                    v.Add($"{field}.code", $"{line}: code {code.Code} is voor te laat komen; kies 'te laat' of een code voor afwezigheid.");
                if (mark == Mark.Late && code.Category != AbsenceCategory.Late)
                    v.Add($"{field}.code", $"{line}: bij te laat hoort een code voor te laat komen, niet {code.Code}.");
            }
            var minutesLate = mark == Mark.Late ? e.MinutesLate : null;
            if (minutesLate is { } m && (m < 1 || m > maxLate))
                v.Add($"{field}.minutesLate", $"{line}: minuten te laat moet tussen 1 en {maxLate} liggen.");
            wanted[e.LearnerId] = new WantedMark(mark.Value, code?.Id, minutesLate, e.Stamp);
        }
        v.ThrowIfInvalid();
        return wanted;
    }

    /// <summary>Shows the teacher what changed since they loaded (their reads are recorded) and saves nothing else.</summary>
    private async Task RefuseAsync(List<Guid> learnerIds, Dictionary<Guid, WantedMark> wanted, Dictionary<Guid, AttendanceRecord> records,
        Dictionary<Guid, RollCallStep> steps, SchoolSetup setup, CancellationToken ct)
    {
        var names = (await groups.NamesAsync(learnerIds, ct)).ToDictionary(n => n.Id, n => n.Name);
        var userIds = records.Values.Where(r => learnerIds.Contains(r.LearnerId)).Select(r => r.RecordedByUserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var conflicts = new List<RollCallConflict>();
        foreach (var learnerId in learnerIds)
        {
            var r = records.GetValueOrDefault(learnerId);
            var theirs = r is null
                ? new ConflictSide(MarkNames.Present, null, null, null)
                : new ConflictSide(MarkNames.Of(r.Category), setup.Code(r.CodeId)?.Code, users.GetValueOrDefault(r.RecordedByUserId), DateTime.SpecifyKind(r.RecordedUtc, DateTimeKind.Utc));
            var yours = steps[learnerId] switch
            {
                RollCallStep.Write w => new ConflictSide(wanted[learnerId].Mark == Mark.Late ? MarkNames.Late : MarkNames.Absent, setup.Code(w.CodeId)?.Code, null, null),
                _ => new ConflictSide(MarkNames.Present, null, null, null),
            };
            conflicts.Add(new RollCallConflict(learnerId, names.GetValueOrDefault(learnerId, ""), theirs, yours));
            await guard.RequireAsync(learnerId, Section.Absence, Operation.Read, AuditEvent.Attendance_RollCallConflict, ct);
        }
        await guard.CommitReadsAsync(ct);
        throw new RollCallConflictException(conflicts);
    }
}
