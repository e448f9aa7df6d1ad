using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Alerts;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Attendance;

/// <summary>
/// Arrangement for the guardian-side attendance tests. The suite runs on whatever day and hour CI runs, so tests pick
/// school days relative to today and set the school's limits explicitly instead of depending on the clock.
/// </summary>
public static class GuardianAttendanceArrange
{
    public static DateOnly Today(LeerkluisApp app) => Amsterdam.Today(app.Service<TimeProvider>());

    /// <summary>The first weekday on or after the day (the test schools have no closures).</summary>
    public static DateOnly SchoolDayFrom(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    /// <summary>The n-th school day after the day (n = 0: the day itself when it is one).</summary>
    public static DateOnly SchoolDaysAfter(DateOnly day, int n)
    {
        day = SchoolDayFrom(day);
        for (var i = 0; i < n; i++) day = SchoolDayFrom(day.AddDays(1));
        return day;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Creates the school's default set-up and sets its limits (no deadline unless given).</summary>
    public static async Task SettingsAsync(LeerkluisApp app, Guid schoolId, TimeOnly? deadline = null, bool allowPast = false,
        GuardianAlertChannel channel = GuardianAlertChannel.Email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttendanceDefaults>().EnsureAsync(schoolId);
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var s = await db.Set<AttendanceSettings>().FirstAsync(x => x.SchoolId == schoolId);
        s.SameDayDeadline = deadline;
        s.AllowPastReports = allowPast;
        s.AlertChannel = channel;
        await db.SaveChangesAsync();
        // Changed behind the set-up pages' back: drop the school's cached set-up as those pages do.
        scope.ServiceProvider.GetRequiredService<SchoolSetups>().Evict(schoolId);
    }

    public static async Task<T> QueryAsync<T>(LeerkluisApp app, Func<LeerkluisDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LeerkluisDb>());
    }

    public static async Task<GuardianAlert> AlertAsync(LeerkluisApp app, Guid learnerId, Guid schoolId, DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var alert = new GuardianAlert
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, Day = day, PeriodNumber = 1,
            Status = AlertStatus.Pending, CreatedUtc = DateTime.UtcNow,
        };
        db.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }

    /// <summary>What the roll call writes for an unreported absence: an OV record without a notice.</summary>
    public static async Task UnreportedAsync(LeerkluisApp app, Guid learnerId, Guid schoolId, DateOnly day, Guid byUserId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttendanceDefaults>().EnsureAsync(schoolId);
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var code = await db.Set<AbsenceCode>().FirstAsync(c => c.SchoolId == schoolId && c.Code == AttendanceDefaults.UnreportedCode);
        db.Add(new AttendanceRecord
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, Day = day, PeriodNumber = 1, CodeId = code.Id,
            Category = code.Category, Minutes = 210, Source = RecordSource.RollCall, RecordedByUserId = byUserId,
            RecordedUtc = DateTime.UtcNow, Stamp = Guid.NewGuid(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs one round of the alert sender as the worker does (own scope, system actor).</summary>
    public static async Task<AlertOutcome> SendAlertsAsync(LeerkluisApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System());
        return await scope.ServiceProvider.GetRequiredService<GuardianAlertSender>().SendPendingAsync();
    }
}
