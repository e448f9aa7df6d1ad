using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.RollCalls;

/// <summary>One cell of the grid: a record (code, minutes late), or only a notice nobody has confirmed in a roll call yet.</summary>
public sealed record DayCell(string Code, string CodeName, AbsenceCategory Category, int? MinutesLate, bool NoticeOnly, Guid? RecordId, Guid? Stamp);

public sealed record DayRow(Guid LearnerId, string Name, IReadOnlyDictionary<int, DayCell> Cells)
{
    public bool Absent => Cells.Values.Any(c => c.Category != AbsenceCategory.Late);
    public bool Late => Cells.Values.Any(c => c.Category == AbsenceCategory.Late);
}

public sealed record PeriodSummary(int Number, int Absent, int Late, bool Taken);

public sealed record GroupDay(GroupRef Group, DateOnly Day, IReadOnlyList<RollCallPeriod> Periods, IReadOnlyList<DayRow> Rows,
    IReadOnlyList<PeriodSummary> Summary, IReadOnlyList<AbsenceCode> Codes, int UnexcusedMinutes)
{
    public int Learners => Rows.Count;
    public int AbsentSomePeriod => Rows.Count(r => r.Absent);
    public int LateSomePeriod => Rows.Count(r => r.Late);
    public int PresentAllDay => Rows.Count(r => r.Cells.Count == 0);
}

/// <summary>A group's day: every period × learner with codes, and a summary per period and for the day (printable).</summary>
public sealed class GroupDayOverview(LeerkluisDb db, AccessDecision access, DossierGuard guard, GroupAccess groups, SchoolSetups setups)
{
    public async Task<GroupDay> LoadAsync(Guid groupId, DateOnly? day, CancellationToken ct = default)
    {
        var group = await groups.GroupAsync(groupId, ct);
        var learnerIds = await access.PrimeGroupAsync(groups.Actor, groupId, ct);
        var setup = await setups.ForSchoolAsync(group.SchoolId, ct);
        var theDay = groups.SchoolDay(setup, day);
        var periods = setup.Week.PeriodsOf(groupId, theDay);
        var names = await groups.NamesAsync(learnerIds, ct);
        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(r => learnerIds.Contains(r.LearnerId) && r.Day == theDay).ToListAsync(ct);
        var notices = await groups.NoticesAsync(learnerIds, theDay, ct);
        var taken = await db.Set<RollCall>().AsNoTracking().Where(r => r.GroupId == groupId && r.Day == theDay)
            .Select(r => r.PeriodNumber).ToListAsync(ct);

        var recordsBy = records.ToLookup(r => r.LearnerId);
        var rows = new List<DayRow>();
        foreach (var learner in names)
        {
            var cells = new Dictionary<int, DayCell>();
            var own = recordsBy[learner.Id].ToDictionary(r => r.PeriodNumber);
            foreach (var p in periods)
            {
                if (own.TryGetValue(p.Number, out var r))
                {
                    var code = setup.Code(r.CodeId);
                    cells[p.Number] = new DayCell(code?.Code ?? "?", code?.Name ?? "", r.Category, r.MinutesLate, false, r.Id, r.Stamp);
                }
                else if (GroupAccess.Covering(notices, learner.Id, theDay, p.Number) is { } n && setup.Code(n.CodeId) is { } nc)
                    cells[p.Number] = new DayCell(nc.Code, nc.Name, nc.Category, null, true, null, null);
            }
            rows.Add(new DayRow(learner.Id, learner.Name, cells));
        }

        foreach (var row in rows.Where(r => r.Cells.Count > 0))
            await guard.RequireAsync(row.LearnerId, Section.Absence, Operation.Read, AuditEvent.Attendance_GroupDayView, ct);
        if (rows.Any(r => r.Cells.Count > 0)) await db.SaveChangesAsync(ct);

        var summary = periods.Select(p => new PeriodSummary(p.Number,
            rows.Count(r => r.Cells.TryGetValue(p.Number, out var c) && c.Category != AbsenceCategory.Late),
            rows.Count(r => r.Cells.TryGetValue(p.Number, out var c) && c.Category == AbsenceCategory.Late),
            taken.Contains(p.Number))).ToList();
        var unexcused = records.Where(r => r.Category == AbsenceCategory.Unexcused).Sum(r => r.Minutes);
        return new GroupDay(group, theDay, periods.Select(p => new RollCallPeriod(p.Number, p.Start, p.End, p.Subject)).ToList(), rows, summary,
            setup.ActiveCodes.ToList(), unexcused);
    }
}
