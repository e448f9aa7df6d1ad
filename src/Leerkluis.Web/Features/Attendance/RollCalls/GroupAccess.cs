using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.RollCalls;

public sealed record GroupRef(Guid Id, string Name, Guid SchoolId);

public sealed record LearnerName(Guid Id, string Name, string SortKey);

/// <summary>
/// What the roll call, the day overview and the index share: which groups a staff member may open (a teacher: the
/// groups they teach this school year; admin and care coordinator: every group of their school), the learners' names,
/// and the day and period asked for, checked against the school's set-up.
/// </summary>
public sealed class GroupAccess(LeerkluisDb db, CurrentActor current, LearnerRelations registry, TimeProvider clock)
{
    public Actor Actor => current.Value;
    public DateOnly Today => Amsterdam.Today(clock);
    public TimeOnly Now => TimeOnly.FromDateTime(Amsterdam.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>The groups of this school year the actor may take the roll of or look at (404 for anyone else).</summary>
    public IQueryable<Group> Groups() => registry.GroupsOf(current.Value);

    public async Task<GroupRef> GroupAsync(Guid groupId, CancellationToken ct) =>
        await Groups().Where(g => g.Id == groupId).Select(g => new GroupRef(g.Id, g.Name, g.SchoolId)).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException();

    /// <summary>Whether the actor may change absence records at all (teachers and the office; the care coordinator reads).</summary>
    public bool MayWrite => Actor.Role is Roles.Teacher or Roles.SchoolAdmin;

    /// <summary>Names in the registry's order (last name, then first), one query for the whole group.</summary>
    public async Task<List<LearnerName>> NamesAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken ct)
    {
        if (learnerIds.Count == 0) return [];
        var rows = await db.Learners.AsNoTracking().Where(l => learnerIds.Contains(l.Id))
            .Select(l => new { l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName }).ToListAsync(ct);
        var names = rows.Select(l => Name(l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName)).ToList();
        Sort(names);
        return names;
    }

    /// <summary>A learner's name as the roll call shows it (call name first), with the key it is sorted by.</summary>
    public static LearnerName Name(Guid id, string firstNames, string? callName, string? prefix, string lastName) =>
        new(id, PersonName.Format(callName ?? firstNames, prefix, lastName), lastName + " " + (callName ?? firstNames));

    /// <summary>The registry's order: last name, then first name, ignoring case.</summary>
    public static void Sort(List<LearnerName> names) =>
        names.Sort((a, b) => StringComparer.CurrentCultureIgnoreCase.Compare(a.SortKey, b.SortKey));

    /// <summary>The day (today when not given); a day that is not a school day for the school is refused.</summary>
    public DateOnly SchoolDay(SchoolSetup setup, DateOnly? day)
    {
        var d = day ?? Today;
        if (!setup.Week.Calendar.IsSchoolDay(d))
            throw ValidationFailedException.For("day", $"{Amsterdam.Date(d)} is geen schooldag (weekend, vakantie of studiedag).");
        return d;
    }

    /// <summary>
    /// The period asked for, or (today) the period running now or the last one begun, otherwise the first of the day.
    /// A period the group does not have that day is refused.
    /// </summary>
    public ScheduledPeriod Period(IReadOnlyList<ScheduledPeriod> periods, DateOnly day, int? number)
    {
        if (periods.Count == 0)
            throw ValidationFailedException.For("day", $"Deze groep heeft op {Amsterdam.Date(day)} geen lessen of dagdelen.");
        if (number is { } n)
            return periods.FirstOrDefault(p => p.Number == n)
                ?? throw ValidationFailedException.For("period", $"Deze groep heeft op {Amsterdam.Date(day)} geen {n}e uur of dagdeel.");
        if (day != Today) return periods[0];
        var now = Now;
        return periods.LastOrDefault(p => p.Start <= now) ?? periods[0];
    }

    /// <summary>Notices (not withdrawn) of these learners that touch the day; the caller asks each whether it covers a period.</summary>
    public Task<List<AbsenceNotice>> NoticesAsync(IReadOnlyCollection<Guid> learnerIds, DateOnly day, CancellationToken ct) =>
        learnerIds.Count == 0
            ? Task.FromResult(new List<AbsenceNotice>())
            : db.Set<AbsenceNotice>().AsNoTracking()
                .Where(n => learnerIds.Contains(n.LearnerId) && n.WithdrawnUtc == null && n.From <= day && (n.To == null || n.To >= day))
                .ToListAsync(ct);

    /// <summary>The newest notice covering the period, if any.</summary>
    public static AbsenceNotice? Covering(IEnumerable<AbsenceNotice> notices, Guid learnerId, DateOnly day, int period) =>
        notices.Where(n => n.LearnerId == learnerId && n.Covers(day, period)).OrderByDescending(n => n.ReportedUtc).FirstOrDefault();
}
