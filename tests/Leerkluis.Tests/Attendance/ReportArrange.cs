using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Attendance;

/// <summary>
/// Arrangement for the report, signal and overview tests: extra learners at a test school, unexcused records and sick
/// notices written straight into the database (the roll call is another part's system under test), on past school days
/// counted back from the app's today, so the tests hold on any weekday and at any hour.
/// </summary>
public static class ReportArrange
{
    private static int _sequence;

    /// <summary>The <paramref name="count"/> weekdays before today (most recent last); the test schools have no holidays.</summary>
    public static IReadOnlyList<DateOnly> PastSchoolDays(IServiceProvider services, int count)
    {
        var today = Amsterdam.Today(services.GetRequiredService<TimeProvider>());
        var days = new List<DateOnly>();
        for (var d = today.AddDays(-1); days.Count < count; d = d.AddDays(-1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days.Add(d);
        days.Reverse();
        return days;
    }

    /// <summary>A learner with a valid BSN living in <paramref name="municipalityCode"/>, enrolled in the group of the school.</summary>
    public static async Task<Learner> LearnerAsync(IServiceProvider services, School school, Group group, string lastName, string municipalityCode = "0344",
        bool withNumber = true)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var number = withNumber ? Bsn(Interlocked.Increment(ref _sequence) + Random.Shared.Next(1, 9_000_000)) : null;
        var learner = new Learner
        {
            Id = Guid.CreateVersion7(), FirstNames = "Lotte", LastName = lastName, BirthDate = TestWorld.Today.AddYears(-11), PersonalNumber = number,
            PersonalNumberKind = number is null ? null : PersonalNumberKind.Bsn, PersonalNumberLastFour = number?[^4..],
            Address = new Address { Street = "Schoolstraat", HouseNumber = "8", PostalCode = "3500 AB", City = "Testdorp", MunicipalityCode = municipalityCode },
        };
        db.Add(learner);
        if (number is not null) db.Add(new PersonalNumberClaim { PersonalNumber = number, LearnerId = learner.Id });
        db.Add(new Enrolment { LearnerId = learner.Id, Id = Guid.CreateVersion7(), SchoolId = school.Id, StartDate = TestWorld.Today.AddYears(-1) });
        db.Add(new GroupMembership { LearnerId = learner.Id, Id = Guid.CreateVersion7(), GroupId = group.Id });
        await db.SaveChangesAsync();
        return learner;
    }

    /// <summary>Records of the code on every period of each day (as a roll call would write them), with the period's counted time.</summary>
    public static async Task RecordsAsync(IServiceProvider services, Guid schoolId, Guid learnerId, IEnumerable<DateOnly> days, string code = "OV")
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LeerkluisDb>();
        var week = await sp.GetRequiredService<SchoolSchedule>().ForSchoolAsync(schoolId);
        var absenceCode = await db.Set<AbsenceCode>().FirstAsync(c => c.SchoolId == schoolId && c.Code == code);
        foreach (var day in days)
            foreach (var period in week.PeriodsOf(null, day))
                db.Add(new AttendanceRecord
                {
                    LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, Day = day, PeriodNumber = period.Number, CodeId = absenceCode.Id,
                    Category = absenceCode.Category, Minutes = period.CountedMinutes, Source = RecordSource.RollCall, RecordedByUserId = Guid.Empty,
                    RecordedUtc = DateTime.UtcNow, Stamp = Guid.CreateVersion7(),
                });
        await db.SaveChangesAsync();
    }

    /// <summary>The school excuses the learner's unexcused records afterwards (as an admin's correction would).</summary>
    public static async Task ExcuseAsync(IServiceProvider services, Guid schoolId, Guid learnerId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var excused = await db.Set<AbsenceCode>().FirstAsync(c => c.SchoolId == schoolId && c.Code == "GV");
        foreach (var r in await db.Set<AttendanceRecord>().Where(r => r.LearnerId == learnerId && r.Category == AbsenceCategory.Unexcused).ToListAsync())
        {
            r.CodeId = excused.Id;
            r.Category = excused.Category;
            r.Stamp = Guid.CreateVersion7();
        }
        await db.SaveChangesAsync();
    }

    /// <summary>One-day sick notices by the guardian on each of the days.</summary>
    public static async Task SickNoticesAsync(IServiceProvider services, Guid schoolId, Guid learnerId, IEnumerable<DateOnly> days)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var sick = await db.Set<AbsenceCode>().FirstAsync(c => c.SchoolId == schoolId && c.Code == "Z");
        foreach (var day in days)
            db.Add(new AbsenceNotice
            {
                LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, CodeId = sick.Id, Source = NoticeSource.Guardian, From = day, To = day,
                ReportedUtc = DateTime.UtcNow,
            });
        await db.SaveChangesAsync();
    }

    /// <summary>The absence codes and day schedule of the school exist (as on the first roll call).</summary>
    public static async Task SetUpAsync(IServiceProvider services, Guid schoolId)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttendanceDefaults>().EnsureAsync(schoolId);
    }

    public static async Task<AbsenceReport> ReportAsync(IServiceProvider services, Guid learnerId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<AbsenceReport>().AsNoTracking()
            .Where(r => r.LearnerId == learnerId).OrderByDescending(r => r.CreatedUtc).FirstAsync();
    }

    /// <summary>A valid BSN (11-check) made from a seed.</summary>
    public static string Bsn(int seed)
    {
        for (var s = seed; ; s++)
        {
            var eight = (10_000_000 + s % 89_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += (9 - i) * (eight[i] - '0');
            var last = sum % 11;
            if (last < 10) return eight + last;
        }
    }
}
