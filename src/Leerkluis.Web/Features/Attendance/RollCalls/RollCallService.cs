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
    public async Task<RollCallView> LoadAsync(Guid groupId, DateOnly? day, int? period, CancellationToken ct = default)
    {
        var learnerIds = await access.PrimeGroupAsync(groups.Actor, groupId, ct);
        // Priming found the group among the actor's: only an empty answer needs the question whether it is theirs at all.
        if (learnerIds.Count == 0) await groups.GroupAsync(groupId, ct);
        var setup = await setups.ForSchoolAsync(groups.Actor.SchoolId!.Value, ct);
        var theDay = groups.SchoolDay(setup, day);
        var periods = setup.Week.PeriodsOf(groupId, theDay);
        var thePeriod = groups.Period(periods, theDay, period);

        var names = await groups.NamesAsync(learnerIds, ct);
        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => learnerIds.Contains(r.LearnerId) && r.Day == theDay && r.PeriodNumber == thePeriod.Number).ToListAsync(ct);
        var notices = await groups.NoticesAsync(learnerIds, theDay, ct);
        // The group's name and whether this roll call was taken, in one query.
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new
            {
                g.Name,
                Taken = db.Set<RollCall>().Where(r => r.GroupId == groupId && r.Day == theDay && r.PeriodNumber == thePeriod.Number)
                    .Select(r => (DateTime?)r.TakenUtc).FirstOrDefault(),
            }).FirstAsync(ct);
        // SQLite hands times back without a kind; the API promises UTC.
        var taken = group.Taken is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : (DateTime?)null;

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
        foreach (var line in shown) await guard.RequireAsync(line.LearnerId, Section.Absence, Operation.Read, "roll-call-view", ct);
        await guard.CommitReadsAsync(ct);

        var periodViews = periods.Select(p => new RollCallPeriod(p.Number, p.Start, p.End, p.Subject)).ToList();
        return new RollCallView(groupId, theDay, thePeriod.Number, periodViews, taken, lines) { GroupName = group.Name, Codes = setup.ActiveCodes.ToList() };
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

        var learnerIds = await access.PrimeGroupAsync(actor, groupId, ct);
        // An empty answer means either a group without learners or one the actor may not open: only then ask which.
        if (learnerIds.Count == 0) await groups.GroupAsync(groupId, ct);
        var setup = await setups.ForSchoolAsync(schoolId, ct);
        groups.SchoolDay(setup, day);
        if (day > groups.Today)
            throw ValidationFailedException.For("day", $"De absentie van {Amsterdam.Date(day)} kunt u pas op die dag registreren.");
        var period = groups.Period(setup.Week.PeriodsOf(groupId, day), day, command.Period);

        var wanted = Validate(entries, learnerIds.ToHashSet(), setup, period);
        var ids = wanted.Keys.ToList();
        var records = await db.Set<AttendanceRecord>()
            .Where(r => ids.Contains(r.LearnerId) && r.Day == day && r.PeriodNumber == period.Number).ToDictionaryAsync(r => r.LearnerId, ct);
        var absentIds = wanted.Where(w => w.Value.Mark == Mark.Absent).Select(w => w.Key).ToList();
        var notices = absentIds.Count > 0 ? await groups.NoticesAsync(absentIds, day, ct) : [];

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
            await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, "roll-call-save", ct);
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
            var alerted = await db.Set<GuardianAlert>().AsNoTracking()
                .Where(a => unreported.Contains(a.LearnerId) && a.Day == day).Select(a => a.LearnerId).ToListAsync(ct);
            foreach (var learnerId in unreported.Except(alerted))
            {
                db.Add(new GuardianAlert
                {
                    LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, Day = day, PeriodNumber = period.Number,
                    Status = AlertStatus.Pending, CreatedUtc = now,
                });
                alerts++;
            }
        }

        var rollCall = await db.Set<RollCall>().FirstOrDefaultAsync(r => r.GroupId == groupId && r.Day == day && r.PeriodNumber == period.Number, ct);
        if (rollCall is null)
            db.Add(rollCall = new RollCall { Id = Guid.CreateVersion7(), GroupId = groupId, Day = day, PeriodNumber = period.Number });
        rollCall.TakenByUserId = userId;
        rollCall.TakenUtc = now;
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
            await guard.RequireAsync(learnerId, Section.Absence, Operation.Read, "roll-call-conflict", ct);
        }
        await db.SaveChangesAsync(ct);
        throw new RollCallConflictException(conflicts);
    }
}
