using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Leerkluis.Web.Features.Attendance.Setup;

/// <summary>A school's attendance set-up as one read-only value: its week (periods, timetable, calendar), settings and codes.</summary>
public sealed class SchoolSetup
{
    private readonly Dictionary<Guid, AbsenceCode> _byId;
    private readonly Dictionary<string, AbsenceCode> _byCode;

    public SchoolSetup(SchoolWeek week, AttendanceSettings settings, IReadOnlyList<AbsenceCode> codes)
    {
        Week = week;
        Settings = settings;
        Codes = codes.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        _byId = codes.ToDictionary(c => c.Id);
        _byCode = codes.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }

    public SchoolWeek Week { get; }
    public AttendanceSettings Settings { get; }
    /// <summary>All codes, inactive ones included (old records keep pointing at them).</summary>
    public IReadOnlyList<AbsenceCode> Codes { get; }
    public IEnumerable<AbsenceCode> ActiveCodes => Codes.Where(c => c.Active);

    public AbsenceCode? Code(Guid id) => _byId.GetValueOrDefault(id);
    public AbsenceCode? Code(string? code) => code is null ? null : _byCode.GetValueOrDefault(code.Trim());
}

/// <summary>
/// The set-up a roll call needs, kept in memory for a minute per school: at 08:15 on a Monday every teacher of a
/// school saves a roll call, and the periods, calendar and codes change a few times a year. The set-up pages evict
/// the entry on every change, so this node sees a change at once; other nodes within 60 seconds.
/// </summary>
public sealed class SchoolSetups(IMemoryCache cache, SchoolSchedule schedule, LeerkluisDb db)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private static object Key(Guid schoolId) => ("attendance-setup", schoolId);

    public async Task<SchoolSetup> ForSchoolAsync(Guid schoolId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(schoolId), out SchoolSetup? known) && known is not null) return known;
        var week = await schedule.ForSchoolAsync(schoolId, ct);
        var settings = await db.Set<AttendanceSettings>().AsNoTracking().FirstAsync(s => s.SchoolId == schoolId, ct);
        var codes = await db.Set<AbsenceCode>().AsNoTracking().Where(c => c.SchoolId == schoolId).ToListAsync(ct);
        var setup = new SchoolSetup(week, settings, codes);
        cache.Set(Key(schoolId), setup, Lifetime);
        return setup;
    }

    public void Evict(Guid schoolId) => cache.Remove(Key(schoolId));
}
