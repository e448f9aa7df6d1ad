using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance;

/// <summary>
/// A school that has not set up attendance yet gets the usual Dutch set-up, so the roll call works on day one:
/// the common absence codes, and a day schedule (po: mornings and afternoons, Wednesday morning only) or eight
/// lesson periods of 50 minutes (vo). The school changes them afterwards.
/// </summary>
public sealed class AttendanceDefaults(LeerkluisDb db)
{
    public static readonly (string Code, string Name, AbsenceCategory Category, bool Guardian)[] Codes =
    [
        ("Z", "Ziek", AbsenceCategory.Sick, true),
        ("AR", "Afspraak arts, tandarts of ziekenhuis", AbsenceCategory.Excused, true),
        ("GV", "Overig geoorloofd (met toestemming)", AbsenceCategory.Excused, true),
        ("OV", "Ongeoorloofd afwezig", AbsenceCategory.Unexcused, false),
        ("TL", "Te laat", AbsenceCategory.Late, false),
        ("VW", "Verwijderd uit de les", AbsenceCategory.RemovedFromClass, false),
        ("VL", "Verlof (toegekend)", AbsenceCategory.Leave, false),
    ];

    /// <summary>The code a roll call uses for an absence nobody reported.</summary>
    public const string UnreportedCode = "OV";
    public const string LateCode = "TL";
    public const string LeaveCode = "VL";

    public async Task EnsureAsync(Guid schoolId, CancellationToken ct = default)
    {
        if (await db.Set<AttendanceSettings>().AnyAsync(s => s.SchoolId == schoolId, ct)) return;
        var sector = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Sector).FirstAsync(ct);
        db.Add(new AttendanceSettings { SchoolId = schoolId });
        foreach (var (code, name, category, guardian) in Codes)
            db.Add(new AbsenceCode { Id = Guid.CreateVersion7(), SchoolId = schoolId, Code = code, Name = name, Category = category, GuardianMayUse = guardian });
        foreach (var period in DefaultPeriods(schoolId, sector)) db.Add(period);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first requests at once: the other one set the school up. Drop ours.
            db.ChangeTracker.Clear();
            if (!await db.Set<AttendanceSettings>().AnyAsync(s => s.SchoolId == schoolId, ct)) throw;
        }
    }

    public static IEnumerable<SchoolPeriod> DefaultPeriods(Guid schoolId, SchoolSector sector)
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        foreach (var day in weekdays)
        {
            if (sector == SchoolSector.Primary)
            {
                if (day == DayOfWeek.Wednesday)
                {
                    yield return Period(schoolId, day, 1, PeriodKind.DayPart, new(8, 30), new(12, 30));
                    continue;
                }
                yield return Period(schoolId, day, 1, PeriodKind.DayPart, new(8, 30), new(12, 0));
                yield return Period(schoolId, day, 2, PeriodKind.DayPart, new(13, 0), new(15, 0));
                continue;
            }
            // 8 lessons of 50 minutes from 08:30, a break after the 3rd and 5th.
            var start = new TimeOnly(8, 30);
            for (var n = 1; n <= 8; n++)
            {
                yield return Period(schoolId, day, n, PeriodKind.Lesson, start, start.AddMinutes(50));
                start = start.AddMinutes(n is 3 ? 70 : n is 5 ? 80 : 50);
            }
        }
    }

    private static SchoolPeriod Period(Guid schoolId, DayOfWeek day, int number, PeriodKind kind, TimeOnly start, TimeOnly end) =>
        new() { Id = Guid.CreateVersion7(), SchoolId = schoolId, Weekday = day, Number = number, Kind = kind, Start = start, End = end };
}
