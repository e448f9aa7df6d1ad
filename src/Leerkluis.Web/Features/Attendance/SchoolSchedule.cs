using Leerkluis.Web.Features.Attendance.Rules;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance;

/// <summary>A period as a group follows it on a weekday, with the time it counts for.</summary>
public sealed record ScheduledPeriod(int Number, PeriodKind Kind, TimeOnly Start, TimeOnly End, string? Subject)
{
    public int CountedMinutes => CountedTime.Minutes(Kind, Start, End);
}

/// <summary>
/// A school's week as loaded from the database: its periods, the timetable of its groups and its calendar.
/// Loaded once per school and use (one small query each), then answered from memory.
/// </summary>
public sealed class SchoolWeek
{
    private readonly IReadOnlyList<SchoolPeriod> _periods;
    private readonly ILookup<Guid, (TimetableSlot Slot, SchoolPeriod Period)> _slotsByGroup;

    public SchoolWeek(Guid schoolId, IReadOnlyList<SchoolPeriod> periods, IReadOnlyList<TimetableSlot> slots, SchoolCalendar calendar)
    {
        SchoolId = schoolId;
        _periods = periods.OrderBy(p => p.Weekday).ThenBy(p => p.Number).ToList();
        var byId = periods.ToDictionary(p => p.Id);
        _slotsByGroup = slots.Where(s => byId.ContainsKey(s.SchoolPeriodId)).ToLookup(s => s.GroupId, s => (s, byId[s.SchoolPeriodId]));
        Calendar = calendar;
    }

    public Guid SchoolId { get; }
    public SchoolCalendar Calendar { get; }

    /// <summary>
    /// The periods a group follows on a day: its timetable slots when it has a timetable (vo), otherwise every period of
    /// the school that weekday (po day schedule). None on a day that is not a school day.
    /// </summary>
    public IReadOnlyList<ScheduledPeriod> PeriodsOf(Guid? groupId, DateOnly day)
    {
        if (!Calendar.IsSchoolDay(day)) return [];
        if (groupId is { } g && _slotsByGroup.Contains(g))
            return _slotsByGroup[g].Where(x => x.Period.Weekday == day.DayOfWeek).OrderBy(x => x.Period.Number)
                .Select(x => new ScheduledPeriod(x.Period.Number, x.Period.Kind, x.Period.Start, x.Period.End, x.Slot.Subject)).ToList();
        return _periods.Where(p => p.Weekday == day.DayOfWeek)
            .Select(p => new ScheduledPeriod(p.Number, p.Kind, p.Start, p.End, null)).ToList();
    }

    /// <summary>The school's period by number on a weekday (for counting a record), or null.</summary>
    public SchoolPeriod? Period(DayOfWeek weekday, int number) => _periods.FirstOrDefault(p => p.Weekday == weekday && p.Number == number);

    public IReadOnlyList<SchoolPeriod> AllPeriods => _periods;
}

public sealed class SchoolSchedule(LeerkluisDb db, AttendanceDefaults defaults)
{
    private readonly Dictionary<Guid, SchoolWeek> _loaded = new();

    public async Task<SchoolWeek> ForSchoolAsync(Guid schoolId, CancellationToken ct = default)
    {
        if (_loaded.TryGetValue(schoolId, out var known)) return known;
        await defaults.EnsureAsync(schoolId, ct);
        var periods = await db.Set<SchoolPeriod>().AsNoTracking().Where(p => p.SchoolId == schoolId).ToListAsync(ct);
        var slots = await db.Set<TimetableSlot>().AsNoTracking()
            .Where(s => db.Set<SchoolPeriod>().Any(p => p.Id == s.SchoolPeriodId && p.SchoolId == schoolId)).ToListAsync(ct);
        var closures = await CalendarAsync(schoolId, ct);
        return _loaded[schoolId] = new SchoolWeek(schoolId, periods, slots, closures);
    }

    public async Task<SchoolCalendar> CalendarAsync(Guid schoolId, CancellationToken ct = default)
    {
        var closed = await db.Set<SchoolClosure>().AsNoTracking().Where(c => c.SchoolId == schoolId)
            .Select(c => new ClosedDays(c.From, c.To, c.Kind == ClosureKind.Holiday)).ToListAsync(ct);
        return new SchoolCalendar(closed);
    }

    public async Task<AttendanceSettings> SettingsAsync(Guid schoolId, CancellationToken ct = default)
    {
        await defaults.EnsureAsync(schoolId, ct);
        return await db.Set<AttendanceSettings>().AsNoTracking().FirstAsync(s => s.SchoolId == schoolId, ct);
    }
}
