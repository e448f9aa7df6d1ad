using System.Diagnostics;
using Leerkluis.Demo;
using Leerkluis.Web;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Rules;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Bench;

/// <summary>A learner the generator keeps aside, with the unexcused days it wrote for them (to check the rule's outcome).</summary>
public sealed record SampleLearner(Guid LearnerId, Guid SchoolId, SchoolCalendar Calendar, IReadOnlyList<UnexcusedDay> Days);

/// <summary>A group as the load needs it: its school, kind and how many periods it has on the bench's Monday.</summary>
public sealed record BenchGroup(Guid Id, Guid SchoolId, SchoolSector Sector, int MondayPeriods);

/// <summary>
/// The attendance world of the monday-peak and absence-rule benchmarks: the demo generator's registry at bench scale
/// (1,000 po and vo schools, about 250,000 learners) and on top of it a first term of school year 2026-2027 up to
/// Friday 20 November: per school its settings (permissive: no same-day deadline, past reports allowed), the default
/// codes and periods, a weekly timetable per vo class, the summer and autumn holidays of its region and a study day;
/// per learner sick notices and attendance records with a realistic share of lateness, appointments and unexcused
/// absence: most learners miss little, a few percent play truant (so that some thousands cross 16 hours) and a few
/// hundred stay away for weeks (long-term absence). The same absences for the same seed (ids differ per run); written with binary COPY.
/// </summary>
public sealed class AttendanceBenchWorld
{
    /// <summary>The Monday the benchmarks are "now": the term's records end the Friday before.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly Guid RecordedBy = new("0193a000-0000-7000-8000-00000000be4c");
    private const int Seed = 4_2026;

    public required string ConnectionString { get; init; }
    public required IReadOnlyList<BenchGroup> Groups { get; init; }
    public required IReadOnlyList<SampleLearner> Sample { get; init; }
    /// <summary>Learners whose sick notice is still open on the bench's Monday: a guardian reports them better, not sick again.</summary>
    public required IReadOnlySet<Guid> StillSick { get; init; }
    public int Schools { get; init; }
    public int Learners { get; init; }
    public long Records { get; init; }
    public long Notices { get; init; }
    public int Truants { get; init; }
    public int LongTerm { get; init; }

    /// <summary>Seeds the registry (demo generator) and the term into a fresh database; prints what it wrote.</summary>
    public static async Task<AttendanceBenchWorld> SeedAsync(string connectionString, int schools, Report report)
    {
        Environment.SetEnvironmentVariable("Database__Provider", "Postgres");
        Environment.SetEnvironmentVariable("Database__ConnectionString", connectionString);
        // The in-process host is Production: it wants a master key (the daily jobs resolve the vault's services). A throw-away one.
        Environment.SetEnvironmentVariable("Crypto__MasterKeys__0__Id", "bench");
        Environment.SetEnvironmentVariable("Crypto__MasterKeys__0__Key", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        Environment.SetEnvironmentVariable("Crypto__ActiveMasterKeyId", "bench");
        await using var app = await CliHost.BuildAsync([]);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));

        var watch = Stopwatch.StartNew();
        var registry = await DemoSeeder.SeedAsync(db, new DemoOptions { Scale = schools, Today = Today });
        report.Figure("seed.registry", watch.Elapsed.TotalSeconds, "s");
        report.Figure("seed.learners", registry.Learners, "learners");

        watch.Restart();
        var world = await WriteTermAsync(db, connectionString);
        // Steady state: in production every learner's chain exists from registration on (the Edexml import and enrolment
        // write audit entries), so the first read of a Monday does not create it. The demo generator writes no audit;
        // the heads it would have left are made here, empty, as the app itself makes them for a learner's first entry.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AuditHeads" ("LearnerId", "Sequence", "Hash") SELECT "Id", 0, {AuditEntry.GenesisHash} FROM "Learners" ON CONFLICT DO NOTHING""");
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        report.Figure("seed.term", watch.Elapsed.TotalSeconds, "s");
        report.Figure("seed.attendance-records", world.Records, "rows");
        report.Figure("seed.absence-notices", world.Notices, "rows");
        report.Figure("seed.truants", world.Truants, "learners");
        report.Figure("seed.long-term-absentees", world.LongTerm, "learners");
        return world;
    }

    // ---- the term -----------------------------------------------------------------------------------

    /// <summary>Holiday regions (noord, midden, zuid) of 2026-2027: summer holiday, autumn holiday, Christmas.</summary>
    private static readonly (DateOnly SummerFrom, DateOnly SummerTo, DateOnly AutumnFrom, DateOnly AutumnTo)[] Regions =
    [
        (new(2026, 7, 4), new(2026, 8, 16), new(2026, 10, 17), new(2026, 10, 25)),
        (new(2026, 7, 18), new(2026, 8, 30), new(2026, 10, 17), new(2026, 10, 25)),
        (new(2026, 7, 11), new(2026, 8, 23), new(2026, 10, 10), new(2026, 10, 18)),
    ];

    private static readonly string[] Subjects = ["Nederlands", "Engels", "Wiskunde", "Geschiedenis", "Aardrijkskunde", "Biologie", "Lichamelijke opvoeding", "Frans", "Duits", "Economie"];

    /// <summary>What one school needs while its learners' records are generated.</summary>
    private sealed class SchoolPlan
    {
        public required School School { get; init; }
        public required SchoolCalendar Calendar { get; init; }
        public required List<DateOnly> TermDays { get; init; }
        public required Dictionary<string, AbsenceCode> Codes { get; init; }
        public required Dictionary<(DayOfWeek, int), int> Minutes { get; init; }
        /// <summary>vo: lessons per weekday per class (periods 1..n); po: every period of the day.</summary>
        public required Dictionary<Guid, Dictionary<DayOfWeek, int>> Lessons { get; init; }
        public required Dictionary<DayOfWeek, int> DayParts { get; init; }

        public int PeriodsOn(Guid groupId, DateOnly day) =>
            Lessons.TryGetValue(groupId, out var byDay) ? byDay.GetValueOrDefault(day.DayOfWeek) : DayParts.GetValueOrDefault(day.DayOfWeek);
    }

    private static async Task<AttendanceBenchWorld> WriteTermAsync(LeerkluisDb db, string connectionString)
    {
        var schools = await db.Schools.AsNoTracking().OrderBy(s => s.Brin).ToListAsync();
        var groups = await db.Groups.AsNoTracking().Select(g => new { g.Id, g.SchoolId }).ToListAsync();
        var members = await db.GroupMemberships.AsNoTracking().Select(m => new { m.LearnerId, m.GroupId }).ToListAsync();
        var groupsBySchool = groups.ToLookup(g => g.SchoolId, g => g.Id);
        var membersByGroup = members.OrderBy(m => m.LearnerId).ToLookup(m => m.GroupId, m => m.LearnerId);

        var benchGroups = new List<BenchGroup>();
        var sample = new List<SampleLearner>();
        var stillSick = new HashSet<Guid>();
        long records = 0, notices = 0;
        int truants = 0, longTerm = 0, learners = 0;
        const int SchoolsPerBatch = 25;
        await db.Database.OpenConnectionAsync();
        try
        {
            for (var batch = 0; batch < schools.Count; batch += SchoolsPerBatch)
            {
                var setUp = new SetUpRows();
                var term = new TermRows();
                for (var i = batch; i < Math.Min(schools.Count, batch + SchoolsPerBatch); i++)
                {
                    var random = new Random(Seed + i);
                    var plan = PlanSchool(schools[i], i, groupsBySchool[schools[i].Id].ToList(), random, setUp);
                    foreach (var groupId in groupsBySchool[schools[i].Id])
                    {
                        benchGroups.Add(new BenchGroup(groupId, plan.School.Id, plan.School.Sector, plan.PeriodsOn(groupId, Today)));
                        foreach (var learnerId in membersByGroup[groupId])
                        {
                            var outcome = GenerateLearner(plan, groupId, learnerId, random, term);
                            learners++;
                            if (outcome.Truant) truants++;
                            if (outcome.LongTerm) longTerm++;
                            if (outcome.StillSick) stillSick.Add(learnerId);
                            // The check sample: a share of the interesting learners and a thin slice of everyone else.
                            if ((outcome.Truant || outcome.LongTerm) ? learners % 5 == 0 : learners % 500 == 0)
                                sample.Add(new SampleLearner(learnerId, plan.School.Id, plan.Calendar, outcome.Unexcused));
                        }
                    }
                }
                await using var tx = await db.Database.BeginTransactionAsync();
                await BulkInsert.WriteAsync(db, setUp.Settings, default);
                await BulkInsert.WriteAsync(db, setUp.Codes, default);
                await BulkInsert.WriteAsync(db, setUp.Periods, default);
                await BulkInsert.WriteAsync(db, setUp.Slots, default);
                await BulkInsert.WriteAsync(db, setUp.Closures, default);
                await BulkInsert.WriteAsync(db, term.Notices, default);
                await BulkInsert.WriteAsync(db, term.Records, default);
                await tx.CommitAsync();
                records += term.Records.Count;
                notices += term.Notices.Count;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new AttendanceBenchWorld
        {
            ConnectionString = connectionString, Groups = benchGroups, Sample = sample, StillSick = stillSick, Schools = schools.Count, Learners = learners,
            Records = records, Notices = notices, Truants = truants, LongTerm = longTerm,
        };
    }

    private sealed class SetUpRows
    {
        public List<AttendanceSettings> Settings { get; } = [];
        public List<AbsenceCode> Codes { get; } = [];
        public List<SchoolPeriod> Periods { get; } = [];
        public List<TimetableSlot> Slots { get; } = [];
        public List<SchoolClosure> Closures { get; } = [];
    }

    private sealed class TermRows
    {
        public List<AbsenceNotice> Notices { get; } = [];
        public List<AttendanceRecord> Records { get; } = [];
    }

    private static SchoolPlan PlanSchool(School school, int index, List<Guid> groupIds, Random random, SetUpRows rows)
    {
        // Permissive limits: the load reports for "today" at any hour, and the bench may write past days.
        rows.Settings.Add(new AttendanceSettings { SchoolId = school.Id, SameDayDeadline = null, AllowPastReports = true, AlertChannel = GuardianAlertChannel.Email });
        var codes = AttendanceDefaults.Codes.Select(c => new AbsenceCode
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Code = c.Code, Name = c.Name, Category = c.Category, GuardianMayUse = c.Guardian,
        }).ToDictionary(c => c.Code);
        rows.Codes.AddRange(codes.Values);
        var periods = AttendanceDefaults.DefaultPeriods(school.Id, school.Sector).ToList();
        rows.Periods.AddRange(periods);

        var region = Regions[index % Regions.Length];
        var closures = new List<SchoolClosure>
        {
            new() { Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = "Zomervakantie", Kind = ClosureKind.Holiday, From = region.SummerFrom, To = region.SummerTo },
            new() { Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = "Herfstvakantie", Kind = ClosureKind.Holiday, From = region.AutumnFrom, To = region.AutumnTo },
            new() { Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = "Kerstvakantie", Kind = ClosureKind.Holiday, From = new(2026, 12, 19), To = new(2027, 1, 3) },
        };
        // One study day somewhere in the term (a closed day, but its week stays a school week).
        var studyDay = region.SummerTo.AddDays(1 + 7 * random.Next(2, 10) + random.Next(0, 5));
        closures.Add(new() { Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = "Studiedag", Kind = ClosureKind.StudyDay, From = studyDay, To = studyDay });
        rows.Closures.AddRange(closures);
        var calendar = new SchoolCalendar(closures.Select(c => new ClosedDays(c.From, c.To, c.Kind == ClosureKind.Holiday)));

        // vo: each class has its own week (5 to 8 lessons a day, always from the first period).
        var lessons = new Dictionary<Guid, Dictionary<DayOfWeek, int>>();
        if (school.Sector == SchoolSector.Secondary)
        {
            var byNumber = periods.ToLookup(p => (p.Weekday, p.Number));
            foreach (var groupId in groupIds)
            {
                var week = new Dictionary<DayOfWeek, int>();
                foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
                {
                    week[day] = random.Next(5, 9);
                    for (var n = 1; n <= week[day]; n++)
                        rows.Slots.Add(new TimetableSlot
                        {
                            Id = Guid.CreateVersion7(), GroupId = groupId, SchoolPeriodId = byNumber[(day, n)].Single().Id, Subject = Subjects[random.Next(Subjects.Length)],
                        });
                }
                lessons[groupId] = week;
            }
        }
        return new SchoolPlan
        {
            School = school, Calendar = calendar, Codes = codes, Lessons = lessons,
            TermDays = calendar.SchoolDays(region.SummerTo, Today.AddDays(-1)).ToList(),
            Minutes = periods.ToDictionary(p => (p.Weekday, p.Number), p => CountedTime.Minutes(p.Kind, p.Start, p.End)),
            DayParts = periods.GroupBy(p => p.Weekday).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    private sealed record LearnerOutcome(bool Truant, bool LongTerm, bool StillSick, IReadOnlyList<UnexcusedDay> Unexcused);

    /// <summary>One learner's term: long absence, truancy, sick spells, lateness, appointments, the odd missed lesson.</summary>
    private static LearnerOutcome GenerateLearner(SchoolPlan plan, Guid groupId, Guid learnerId, Random random, TermRows rows)
    {
        var vo = plan.School.Sector == SchoolSector.Secondary;
        var days = plan.TermDays;
        var taken = new Dictionary<(DateOnly Day, int Period), AttendanceRecord>();

        void Record(DateOnly day, int period, string code, Guid? noticeId = null, int? minutesLate = null)
        {
            if (taken.ContainsKey((day, period))) return;
            var c = plan.Codes[code];
            var record = new AttendanceRecord
            {
                LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = plan.School.Id, Day = day, PeriodNumber = period, CodeId = c.Id,
                Category = c.Category, Minutes = minutesLate ?? plan.Minutes[(day.DayOfWeek, period)], MinutesLate = minutesLate,
                Source = noticeId is null ? RecordSource.RollCall : RecordSource.Guardian, NoticeId = noticeId, RecordedByUserId = RecordedBy,
                RecordedUtc = day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddMinutes(45 * period), Stamp = Guid.CreateVersion7(),
            };
            taken[(day, period)] = record;
            rows.Records.Add(record);
        }
        void WholeDay(DateOnly day, string code, Guid? noticeId = null)
        {
            for (var p = 1; p <= plan.PeriodsOn(groupId, day); p++) Record(day, p, code, noticeId);
        }
        int RandomPeriod(DateOnly day) => 1 + random.Next(plan.PeriodsOn(groupId, day));

        // Long-term absence: whole days unexcused for 22 school days or more, some still going on.
        var longTerm = random.NextDouble() < 0.002;
        if (longTerm)
        {
            var start = random.Next(0, days.Count - 30);
            var length = random.Next(22, days.Count - start + 1);
            for (var d = start; d < start + length; d++) WholeDay(days[d], "OV");
        }
        // Truancy: a spell of 2–6 school weeks with a few missed lessons (vo) or day parts (po) a week.
        var truant = random.NextDouble() < (vo ? 0.07 : 0.012);
        if (truant)
        {
            var weeks = days.GroupBy(SchoolCalendar.MondayOf).Select(w => w.ToList()).ToList();
            var first = random.Next(weeks.Count);
            for (var w = first; w < Math.Min(weeks.Count, first + random.Next(2, 7)); w++)
            {
                var missed = vo ? random.Next(2, 8) : random.Next(1, 3);
                for (var m = 0; m < missed; m++)
                {
                    var day = weeks[w][random.Next(weeks[w].Count)];
                    Record(day, RandomPeriod(day), "OV");
                }
            }
        }
        // Sick spells reported by a guardian (notice + records), 1 % one long spell; 1 % still sick this Monday.
        var spells = Pick(random, [0, 1, 2, 3, 4, 5], [50, 30, 12, 5, 2, 1]);
        if (random.NextDouble() < 0.01) spells++;
        for (var s = 0; s < spells; s++)
        {
            var long_ = s == 0 && random.NextDouble() < 0.01;
            var length = long_ ? random.Next(7, 13) : Pick(random, [1, 2, 3], [55, 30, 15]);
            var start = random.Next(0, days.Count - length);
            Sick(days[start], days[start + length - 1], false);
        }
        var stillSick = random.NextDouble() < 0.01;
        if (stillSick) Sick(days[^2], days[^1], open: true);
        void Sick(DateOnly from, DateOnly to, bool open)
        {
            var notice = new AbsenceNotice
            {
                LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = plan.School.Id, CodeId = plan.Codes["Z"].Id, Source = NoticeSource.Guardian,
                From = from, To = open ? null : to, Reason = "Ziek", ReportedUtc = from.ToDateTime(new TimeOnly(6, 45), DateTimeKind.Utc),
                RecoveredUtc = open ? null : to.AddDays(1).ToDateTime(new TimeOnly(6, 30), DateTimeKind.Utc),
            };
            rows.Notices.Add(notice);
            foreach (var day in plan.Calendar.SchoolDays(from, to)) WholeDay(day, "Z", notice.Id);
        }
        // Lateness, appointments and the odd unexcused lesson.
        for (var n = Pick(random, [0, 1, 2, 3], vo ? [40, 30, 20, 10] : [75, 20, 5, 0]); n > 0; n--)
        {
            var day = days[random.Next(days.Count)];
            Record(day, RandomPeriod(day), "TL", minutesLate: random.Next(3, 21));
        }
        for (var n = Pick(random, [0, 1, 2], [60, 30, 10]); n > 0; n--)
        {
            var day = days[random.Next(days.Count)];
            Record(day, RandomPeriod(day), "AR");
        }
        if (random.NextDouble() < (vo ? 0.3 : 0.02))
        {
            var day = days[random.Next(days.Count)];
            Record(day, RandomPeriod(day), "OV");
        }

        // What the rule is given, computed here from what was written (not read back from the database).
        var unexcused = taken.Values.Where(r => r.Category == AbsenceCategory.Unexcused).GroupBy(r => r.Day)
            .Select(g => new UnexcusedDay(g.Key, g.Sum(r => r.Minutes), g.Count() >= plan.PeriodsOn(groupId, g.Key)))
            .ToList();
        return new LearnerOutcome(truant, longTerm, stillSick, unexcused);
    }

    private static int Pick(Random random, int[] values, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < values.Length; i++)
        {
            if (roll < weights[i]) return values[i];
            roll -= weights[i];
        }
        return values[^1];
    }
}
