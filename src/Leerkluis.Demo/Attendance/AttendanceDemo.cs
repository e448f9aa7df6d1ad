using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Demo.Attendance;

/// <summary>
/// Attendance for the scale-1 demo (fixed seed, invented people): the school holidays of 2026-2027 for region midden
/// and a study day per school, a timetable for the secondary school, six weeks of past roll calls with a realistic mix
/// (mostly present; sick notices, doctor's appointments, late arrivals, a few unexcused lessons), two learners with
/// enough unexcused absence for a pending 16-hour report, one who is often sick (a care signal), a pending leave
/// request of the demo parent, and a log-in for the attendance officer of Utrecht. Then the absence rule runs once, as
/// the nightly job would. "Today" is the app's clock (Clock:StartLocal moves it).
/// </summary>
public static class AttendanceDemo
{
    public const string OfficerEmail = "leerplicht@demo.leerkluis.nl";

    /// <summary>Holidays (region midden) and the study days; the schools keep them when the demo is rebuilt.</summary>
    public static readonly (string Name, ClosureKind Kind, DateOnly From, DateOnly To)[] Closures =
    [
        ("Zomervakantie 2026", ClosureKind.Holiday, new(2026, 7, 18), new(2026, 8, 30)),
        ("Herfstvakantie", ClosureKind.Holiday, new(2026, 10, 17), new(2026, 10, 25)),
        ("Kerstvakantie", ClosureKind.Holiday, new(2026, 12, 19), new(2027, 1, 3)),
        ("Voorjaarsvakantie", ClosureKind.Holiday, new(2027, 2, 13), new(2027, 2, 21)),
        ("Meivakantie", ClosureKind.Holiday, new(2027, 4, 24), new(2027, 5, 2)),
        ("Zomervakantie 2027", ClosureKind.Holiday, new(2027, 7, 17), new(2027, 8, 29)),
    ];

    private static readonly string[] Subjects = ["Nederlands", "Engels", "Wiskunde", "Geschiedenis", "Aardrijkskunde", "Biologie", "Frans", "Lichamelijke opvoeding", "Tekenen", "Economie"];

    public static async Task<IReadOnlyList<DemoLogin>> SeedAsync(IServiceProvider services, int seed, bool accounts, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<LeerkluisDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        services.GetRequiredService<CurrentActor>().Set(Actor.System());
        var today = Amsterdam.Today(clock);
        var year = SchoolYear.Containing(today);
        var random = new Random(seed);
        var schools = await db.Schools.AsNoTracking().OrderBy(s => s.Sector).ToListAsync(ct);

        foreach (var school in schools)
        {
            await services.GetRequiredService<AttendanceDefaults>().EnsureAsync(school.Id, ct);
            foreach (var (name, kind, from, to) in Closures)
                db.Add(new SchoolClosure { Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = name, Kind = kind, From = from, To = to });
            // A study day two weeks back (a school day then, so the calendar visibly skips it).
            var study = StudyDay(today, school.Sector == SchoolSector.Primary ? DayOfWeek.Wednesday : DayOfWeek.Friday);
            db.Add(new SchoolClosure { Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = "Studiedag team", Kind = ClosureKind.StudyDay, From = study, To = study });
            // The demo parent and school office should not hit the 08:30 limit while trying things out.
            var settings = await db.Set<AttendanceSettings>().FirstAsync(s => s.SchoolId == school.Id, ct);
            settings.SameDayDeadline = null;
            if (school.Sector == SchoolSector.Secondary) await TimetableAsync(db, school.Id, year, random, ct);
        }
        await db.SaveChangesAsync(ct);

        var parent = accounts ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "ouder@demo.leerkluis.nl", ct) : null;
        foreach (var school in schools) await RollCallsAsync(services, db, school, year, today, random, ct);
        if (parent?.GuardianId is { } guardianId) await LeaveRequestAsync(services, db, guardianId, parent.Id, today, ct);

        var evaluator = services.GetRequiredService<AbsenceEvaluator>();
        foreach (var school in schools) await evaluator.EvaluateSchoolAsync(school.Id, today, ct);

        return accounts ? [await OfficerAsync(db, services, seed, clock, ct)] : [];
    }

    private static DateOnly StudyDay(DateOnly today, DayOfWeek weekday)
    {
        var d = today.AddDays(-14);
        while (d.DayOfWeek != weekday) d = d.AddDays(-1);
        return d;
    }

    /// <summary>The secondary school's groups get 6 or 7 lessons a day, each with a subject and the group's teacher.</summary>
    private static async Task TimetableAsync(LeerkluisDb db, Guid schoolId, SchoolYear year, Random random, CancellationToken ct)
    {
        var periods = await db.Set<SchoolPeriod>().AsNoTracking().Where(p => p.SchoolId == schoolId).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearStart == year.StartYear).OrderBy(g => g.Name).ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var teachers = await db.StaffGroups.AsNoTracking().Where(sg => ids.Contains(sg.GroupId)).ToListAsync(ct);
        foreach (var group in groups)
        {
            var teacher = teachers.FirstOrDefault(t => t.GroupId == group.Id)?.StaffId;
            foreach (var day in periods.GroupBy(p => p.Weekday))
            {
                var lessons = day.Key == DayOfWeek.Friday ? 6 : 7;
                foreach (var period in day.Where(p => p.Number <= lessons))
                    db.Add(new TimetableSlot { Id = Guid.CreateVersion7(), GroupId = group.Id, SchoolPeriodId = period.Id, Subject = Subjects[random.Next(Subjects.Length)], StaffId = teacher });
            }
        }
    }

    /// <summary>Six weeks of roll calls up to yesterday: every group, every school day, every period it follows.</summary>
    private static async Task RollCallsAsync(IServiceProvider services, LeerkluisDb db, School school, SchoolYear year, DateOnly today, Random random, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var week = await services.GetRequiredService<SchoolSchedule>().ForSchoolAsync(school.Id, ct);
        var codes = await db.Set<AbsenceCode>().AsNoTracking().Where(c => c.SchoolId == school.Id).ToDictionaryAsync(c => c.Code, ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == school.Id && g.SchoolYearStart == year.StartYear).OrderBy(g => g.Name).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var members = await db.GroupMemberships.AsNoTracking().Where(m => groupIds.Contains(m.GroupId)).OrderBy(m => m.LearnerId).ToListAsync(ct);
        var days = week.Calendar.SchoolDays(Max(today.AddDays(-42), year.FirstDay), today.AddDays(-1)).ToList();
        if (days.Count == 0 || members.Count == 0) return;
        var recorder = Guid.Empty; // the demo's teachers mostly have no log-in; the records say "school" in the trail

        // Two learners for whom the rule should make a report, one often sick (the primary school's only, for the care signal).
        var ordered = members.OrderBy(_ => random.Next()).ToList();
        var truant = ordered[0].LearnerId;
        var oftenSick = school.Sector == SchoolSector.Primary ? ordered[1].LearnerId : (Guid?)null;
        var truantDays = days.Where(d => d.DayOfWeek != DayOfWeek.Wednesday).TakeLast(6).Where((_, i) => i % 2 == 0).ToHashSet();
        var sickDays = oftenSick is null ? [] : days.Where((_, i) => i % 5 == 1).Take(4).ToHashSet();

        foreach (var day in days)
        {
            foreach (var group in groups)
            {
                var periods = week.PeriodsOf(group.Id, day);
                foreach (var p in periods)
                    db.Add(new RollCall { Id = Guid.CreateVersion7(), GroupId = group.Id, Day = day, PeriodNumber = p.Number, TakenByUserId = recorder, TakenUtc = Utc(day, p.Start) });
                foreach (var m in members.Where(x => x.GroupId == group.Id))
                {
                    if (m.LearnerId == truant && truantDays.Contains(day))
                    {
                        foreach (var p in periods) Record(m.LearnerId, day, p, codes["OV"], RecordSource.RollCall, null);
                        continue;
                    }
                    if (m.LearnerId == oftenSick && sickDays.Contains(day))
                    {
                        var notice = Notice(m.LearnerId, codes["Z"], day, day, null, null, "Ziek (buikgriep)");
                        foreach (var p in periods) Record(m.LearnerId, day, p, codes["Z"], RecordSource.Guardian, notice.Id);
                        continue;
                    }
                    var roll = random.NextDouble();
                    if (roll < 0.025)
                    {
                        // A sick spell of one to three days, reported by a parent, recovered afterwards.
                        var last = days.Where(d => d >= day).Take(random.Next(1, 4)).Last();
                        var notice = Notice(m.LearnerId, codes["Z"], day, last, null, null, "Ziek");
                        foreach (var d in days.Where(d => d >= day && d <= last))
                            foreach (var p in week.PeriodsOf(group.Id, d)) Record(m.LearnerId, d, p, codes["Z"], RecordSource.Guardian, notice.Id);
                    }
                    else if (roll < 0.035 && periods.Count > 0)
                    {
                        var p = periods[random.Next(periods.Count)];
                        var notice = Notice(m.LearnerId, codes["AR"], day, day, p.Number, p.Number, "Tandarts");
                        Record(m.LearnerId, day, p, codes["AR"], RecordSource.Guardian, notice.Id);
                    }
                    else if (roll < 0.06 && periods.Count > 0)
                    {
                        Record(m.LearnerId, day, periods[0], codes["TL"], RecordSource.RollCall, null, random.Next(3, 16));
                    }
                    else if (roll < 0.065 && periods.Count > 0)
                    {
                        Record(m.LearnerId, day, periods[^1], codes["OV"], RecordSource.RollCall, null);
                    }
                }
            }
        }
        // A spell can start on a day a later loop also picks: keep the first record of each (learner, day, period).
        var records = db.ChangeTracker.Entries<AttendanceRecord>().Select(e => e.Entity).ToList();
        foreach (var duplicate in records.GroupBy(r => (r.LearnerId, r.Day, r.PeriodNumber)).SelectMany(g => g.Skip(1)))
            db.Remove(duplicate);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        AbsenceNotice Notice(Guid learnerId, AbsenceCode code, DateOnly from, DateOnly to, int? fromPeriod, int? toPeriod, string reason)
        {
            var n = new AbsenceNotice
            {
                LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = school.Id, CodeId = code.Id, Source = NoticeSource.Guardian, From = from, To = to,
                FromPeriod = fromPeriod, ToPeriod = toPeriod, Reason = reason, ReportedUtc = Utc(from, new TimeOnly(7, 45)),
                RecoveredUtc = code.Category == AbsenceCategory.Sick ? Utc(to, new TimeOnly(18, 0)) : null,
            };
            db.Add(n);
            return n;
        }

        void Record(Guid learnerId, DateOnly day, ScheduledPeriod p, AbsenceCode code, RecordSource source, Guid? noticeId, int? minutesLate = null) =>
            db.Add(new AttendanceRecord
            {
                LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = school.Id, Day = day, PeriodNumber = p.Number, CodeId = code.Id, Category = code.Category,
                // Late: the learner was there; the minutes late are what counts.
                Minutes = code.Category == AbsenceCategory.Late ? 0 : p.CountedMinutes, MinutesLate = minutesLate, Source = source, NoticeId = noticeId,
                RecordedByUserId = recorder, RecordedUtc = Utc(day, p.Start), Stamp = Guid.CreateVersion7(),
            });
    }

    /// <summary>The demo parent asks leave for a family wedding (art. 14, two school days, the head decides).</summary>
    private static async Task LeaveRequestAsync(IServiceProvider services, LeerkluisDb db, Guid guardianId, Guid userId, DateOnly today, CancellationToken ct)
    {
        var child = await db.LearnerGuardians.AsNoTracking().Where(lg => lg.GuardianId == guardianId)
            .Join(db.Enrolments.Where(e => e.EndDate == null), lg => lg.LearnerId, e => e.LearnerId, (lg, e) => new { e.LearnerId, e.SchoolId })
            .OrderBy(x => x.LearnerId).FirstOrDefaultAsync(ct);
        if (child is null) return;
        var calendar = await services.GetRequiredService<SchoolSchedule>().CalendarAsync(child.SchoolId, ct);
        var from = calendar.FirstSchoolDayFrom(today.AddDays(21)) ?? today.AddDays(21);
        var to = calendar.SchoolDays(from, from.AddDays(7)).Skip(1).First();
        db.Add(new LeaveRequest
        {
            LearnerId = child.LearnerId, Id = Guid.CreateVersion7(), SchoolId = child.SchoolId, Kind = LeaveKind.ImportantCircumstances, From = from, To = to,
            SchoolDays = calendar.CountSchoolDays(from, to), Reason = "Huwelijk van een oom (derde graad) in Groningen; wij reizen de dag ervoor.",
            Decider = LeaveDecider.Head, Status = LeaveStatus.Submitted, RequestedByUserId = userId, RequestedUtc = Utc(today.AddDays(-2), new TimeOnly(20, 15)),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The attendance officer of Utrecht, where the demo families live.</summary>
    private static async Task<DemoLogin> OfficerAsync(LeerkluisDb db, IServiceProvider services, int seed, TimeProvider clock, CancellationToken ct)
    {
        var utrecht = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Kind == OrganisationKind.Municipality && o.MunicipalityCode == "0344", ct);
        if (utrecht is null)
        {
            utrecht = new Organisation { Id = Guid.CreateVersion7(), Name = "Gemeente Utrecht", Kind = OrganisationKind.Municipality, MunicipalityCode = "0344" };
            db.Add(utrecht);
            await db.SaveChangesAsync(ct);
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var login = (await DemoAccounts.CreateAsync(users, services.GetRequiredService<RoleManager<AppRole>>(),
            [new DemoAccountSpec(Roles.AttendanceOfficer, OfficerEmail, "Leerplicht Utrecht", "leerplichtambtenaar gemeente Utrecht (verzuimmeldingen, thuiszitters)")],
            seed, clock))[0];
        // The officer acts for the municipality: the claim that gives them the learners living there.
        var user = await users.FindByEmailAsync(OfficerEmail) ?? throw new InvalidOperationException("demo officer not created");
        user.OrganisationId = utrecht.Id;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) throw new InvalidOperationException(string.Join("; ", updated.Errors.Select(e => e.Description)));
        return login;
    }

    private static DateTime Utc(DateOnly day, TimeOnly local) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(local), Amsterdam.Zone);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
