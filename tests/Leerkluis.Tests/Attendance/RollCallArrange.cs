using System.Runtime.CompilerServices;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Attendance;

/// <summary>
/// What the roll-call and set-up tests add to the test world, once per fixture: two more learners in group 8 at school A,
/// a second teacher of group 8, a secondary school group with a timetable, and school A's settings made independent of
/// the hour the suite runs (no same-day deadline, past reports allowed).
/// </summary>
public sealed class RollCallWorld
{
    private static readonly ConditionalWeakTable<LeerkluisApp, Task<RollCallWorld>> Arranged = new();

    public required Learner Bram { get; init; }
    public required Learner Cato { get; init; }
    public required TestUser TeacherA2 { get; init; }
    public required IReadOnlyList<DateOnly> SchoolDays { get; init; }
    public required DateOnly Saturday { get; init; }

    public static Task<RollCallWorld> OfAsync(LeerkluisApp app)
    {
        lock (Arranged) return Arranged.GetValue(app, a => CreateAsync(a));
    }

    /// <summary>The n-th latest weekday up to today (Amsterdam, by the app's clock): 0 is today or the last Friday.</summary>
    public DateOnly Day(int n) => SchoolDays[n];

    private static async Task<RollCallWorld> CreateAsync(LeerkluisApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LeerkluisDb>();
        var w = app.World;
        var today = Amsterdam.Today(sp.GetRequiredService<TimeProvider>());

        await sp.GetRequiredService<AttendanceDefaults>().EnsureAsync(w.SchoolA.Id);
        var settings = await db.Set<AttendanceSettings>().FirstAsync(s => s.SchoolId == w.SchoolA.Id);
        settings.SameDayDeadline = null;
        settings.AllowPastReports = true;
        settings.AlertChannel = GuardianAlertChannel.Email;

        Learner L(string first, string last) => new()
        {
            Id = Guid.CreateVersion7(), FirstNames = first, LastName = last, BirthDate = today.AddYears(-11),
            Address = new Address { City = "Utrecht", MunicipalityCode = "0344" },
        };
        var bram = L("Bram", "Aalders");
        var cato = L("Cato", "Zwart");
        db.AddRange(bram, cato);
        foreach (var l in new[] { bram, cato })
        {
            db.Enrolments.Add(new Enrolment { LearnerId = l.Id, Id = Guid.CreateVersion7(), SchoolId = w.SchoolA.Id, StartDate = today.AddYears(-1) });
            db.GroupMemberships.Add(new GroupMembership { LearnerId = l.Id, Id = Guid.CreateVersion7(), GroupId = w.GroupA8.Id });
        }
        var staff = new Staff { Id = Guid.NewGuid(), SchoolId = w.SchoolA.Id, LastName = "Duo", FirstName = "Dirk", Email = "duo.a@test.invalid", Role = StaffRole.Teacher };
        db.Add(staff);
        db.StaffGroups.Add(new StaffGroup { StaffId = staff.Id, GroupId = w.GroupA8.Id });
        await db.SaveChangesAsync();
        sp.GetRequiredService<SchoolSetups>().Evict(w.SchoolA.Id);

        var teacher2 = await TestWorld.CreateUserAsync(sp.GetRequiredService<UserManager<AppUser>>(), "duo.a@test.invalid", Roles.Teacher, true,
            u => u.StaffId = staff.Id, "Dirk Duo");

        var days = new List<DateOnly>();
        for (var d = today; days.Count < 20; d = d.AddDays(-1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days.Add(d);
        var saturday = today;
        while (saturday.DayOfWeek != DayOfWeek.Saturday) saturday = saturday.AddDays(-1);
        return new RollCallWorld { Bram = bram, Cato = cato, TeacherA2 = teacher2, SchoolDays = days, Saturday = saturday };
    }
}
