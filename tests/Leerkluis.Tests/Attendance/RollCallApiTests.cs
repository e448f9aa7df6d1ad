using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.RollCalls;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Attendance;

public sealed class RollCallApiSqliteTests(SqliteApp app) : RollCallApiTests<SqliteApp>(app);
public sealed class RollCallApiPostgresTests(PostgresApp app) : RollCallApiTests<PostgresApp>(app);

/// <summary>The roll call through HTTP as a teacher's phone and the benchmark use it; each test takes a day of its own.</summary>
public abstract class RollCallApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private string Url(Guid? group = null) => $"/api/v1/groups/{group ?? W.GroupA8.Id}/roll-call";

    private async Task<RollCallView> GetAsync(HttpClient client, DateOnly day, int period) =>
        (await client.GetFromJsonAsync<RollCallView>($"{Url()}?day={Iso(day)}&period={period}", Json, Ct))!;

    private Task<HttpResponseMessage> PutAsync(HttpClient client, DateOnly day, int period, params object[] entries) =>
        client.PutAsJsonAsync(Url(), new { day = Iso(day), period, entries }, Ct);

    private static object Entry(Guid learnerId, string state, string? code = null, int? minutesLate = null, Guid? stamp = null) =>
        new { learnerId, state, code, minutesLate, stamp };

    private async Task<T> InDbAsync<T>(Func<LeerkluisDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LeerkluisDb>());
    }

    [Fact]
    public async Task Get_GuardianReportedIllness_ShowsLearnerAbsentPrefilledAndAuditsOnlyHer()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var day = rc.Day(0);
        var noticeId = await InDbAsync(async db =>
        {
            var sick = await db.Set<AbsenceCode>().FirstAsync(c => c.SchoolId == W.SchoolA.Id && c.Code == "Z", Ct);
            var notice = new AbsenceNotice
            {
                LearnerId = W.LearnerA.Id, Id = Guid.CreateVersion7(), SchoolId = W.SchoolA.Id, CodeId = sick.Id, Source = NoticeSource.Guardian,
                From = day, Reason = "Koorts", ReportedUtc = DateTime.UtcNow,
            };
            db.Add(notice);
            await db.SaveChangesAsync(Ct);
            return notice.Id;
        });
        var teacher = await App.LoginAsync(W.TeacherA);
        var before = DateTime.UtcNow.AddMilliseconds(-1);

        var view = await GetAsync(teacher, day, 1);

        Assert.Equal(day, view.Day);
        Assert.NotEmpty(view.Periods);
        var sanne = Assert.Single(view.Learners, l => l.LearnerId == W.LearnerA.Id);
        Assert.Equal(("absent", "Z", "guardian", noticeId), (sanne.State, sanne.Code, sanne.Source, sanne.NoticeId));
        Assert.Null(sanne.Stamp);
        var bram = Assert.Single(view.Learners, l => l.LearnerId == rc.Bram.Id);
        Assert.Equal("present", bram.State);
        Assert.Equal("Bram Aalders", bram.Name);
        var audited = await InDbAsync(db => db.AuditEntries.Where(a => a.Action == "roll-call-view" && a.AtUtc >= before).Select(a => a.LearnerId).ToListAsync(Ct));
        Assert.Contains(W.LearnerA.Id, audited);
        Assert.DoesNotContain(rc.Bram.Id, audited);
    }

    [Fact]
    public async Task Put_AbsentAndLate_SavedAndShownWithStamps()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var day = rc.Day(1);
        var teacher = await App.LoginAsync(W.TeacherA);

        var response = await PutAsync(teacher, day, 1,
            Entry(W.LearnerA.Id, "absent", "AR"), Entry(rc.Bram.Id, "late", minutesLate: 5), Entry(rc.Cato.Id, "present"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<RollCallSaved>(Json, Ct);
        Assert.Equal(new RollCallSaved(3, 0), saved);
        var view = await GetAsync(teacher, day, 1);
        Assert.NotNull(view.TakenUtc);
        var sanne = view.Learners.Single(l => l.LearnerId == W.LearnerA.Id);
        Assert.Equal(("absent", "AR", "rollCall"), (sanne.State, sanne.Code, sanne.Source));
        Assert.NotNull(sanne.Stamp);
        var bram = view.Learners.Single(l => l.LearnerId == rc.Bram.Id);
        Assert.Equal(("late", "TL", 5), (bram.State, bram.Code, bram.MinutesLate));
        Assert.Equal("present", view.Learners.Single(l => l.LearnerId == rc.Cato.Id).State);
        var minutes = await InDbAsync(db => db.Set<AttendanceRecord>().Where(r => r.LearnerId == W.LearnerA.Id && r.Day == day).Select(r => r.Minutes).SingleAsync(Ct));
        var period = view.Periods.Single(p => p.Number == 1);
        Assert.Equal((int)(period.End - period.Start).TotalMinutes, minutes); // po counts clock time
    }

    [Fact]
    public async Task Put_UnreportedAbsence_BecomesUnexcusedAndQueuesOneAlertPerDay()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var day = rc.Day(2);
        var teacher = await App.LoginAsync(W.TeacherA);

        var first = await PutAsync(teacher, day, 1, Entry(rc.Cato.Id, "absent"));
        Assert.Equal(new RollCallSaved(1, 1), await first.Content.ReadFromJsonAsync<RollCallSaved>(Json, Ct));
        var view = await GetAsync(teacher, day, 1);
        var cato = view.Learners.Single(l => l.LearnerId == rc.Cato.Id);
        Assert.Equal(("absent", "OV"), (cato.State, cato.Code));

        // The same roll call saved again (with the stamp it now shows) changes nothing and sends nothing.
        var again = await PutAsync(teacher, day, 1, Entry(rc.Cato.Id, "absent", stamp: cato.Stamp));
        Assert.Equal(new RollCallSaved(1, 0), await again.Content.ReadFromJsonAsync<RollCallSaved>(Json, Ct));
        var alerts = await InDbAsync(db => db.Set<GuardianAlert>().Where(a => a.LearnerId == rc.Cato.Id && a.Day == day).ToListAsync(Ct));
        Assert.Equal(AlertStatus.Pending, Assert.Single(alerts).Status);
        var category = await InDbAsync(db => db.Set<AttendanceRecord>().Where(r => r.LearnerId == rc.Cato.Id && r.Day == day).Select(r => r.Category).SingleAsync(Ct));
        Assert.Equal(AbsenceCategory.Unexcused, category);
    }

    [Fact]
    public async Task Put_OtherTeacherChangedItSince_Returns409NothingSavedThenOverwriteWithNewStamp()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var day = rc.Day(3);
        var teacherA = await App.LoginAsync(W.TeacherA);
        var teacherB = await App.LoginAsync(rc.TeacherA2);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(teacherA, day, 1, Entry(W.LearnerA.Id, "absent"))).StatusCode);
        var loadedByB = (await GetAsync(teacherB, day, 1)).Learners.Single(l => l.LearnerId == W.LearnerA.Id).Stamp;
        // Teacher A corrects it to a doctor's appointment; teacher B, still on the old page, marks her present.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(teacherA, day, 1, Entry(W.LearnerA.Id, "absent", "AR", stamp: loadedByB))).StatusCode);

        var refused = await PutAsync(teacherB, day, 1, Entry(W.LearnerA.Id, "present", stamp: loadedByB), Entry(rc.Bram.Id, "absent", "Z"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        var conflict = Assert.Single(problem.RootElement.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(W.LearnerA.Id, conflict.GetProperty("learnerId").GetGuid());
        Assert.Equal("AR", conflict.GetProperty("theirs").GetProperty("code").GetString());
        Assert.Equal("present", conflict.GetProperty("yours").GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(conflict.GetProperty("theirs").GetProperty("recordedBy").GetString()));
        var now = await GetAsync(teacherB, day, 1);
        Assert.Equal("AR", now.Learners.Single(l => l.LearnerId == W.LearnerA.Id).Code);
        Assert.Equal("present", now.Learners.Single(l => l.LearnerId == rc.Bram.Id).State); // Bram's line was not saved either

        // "Overschrijven": the same lines with the stamps just shown.
        var newStamp = now.Learners.Single(l => l.LearnerId == W.LearnerA.Id).Stamp;
        var overwrite = await PutAsync(teacherB, day, 1, Entry(W.LearnerA.Id, "present", stamp: newStamp), Entry(rc.Bram.Id, "absent", "Z"));
        Assert.Equal(HttpStatusCode.OK, overwrite.StatusCode);
        var after = await GetAsync(teacherB, day, 1);
        Assert.Equal("present", after.Learners.Single(l => l.LearnerId == W.LearnerA.Id).State);
        Assert.Equal("Z", after.Learners.Single(l => l.LearnerId == rc.Bram.Id).Code);
    }

    [Fact]
    public async Task RollCall_GroupNotTaught_Returns404()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var teacher = await App.LoginAsync(W.TeacherA);
        var day = Iso(rc.Day(4));

        var get = await teacher.GetAsync($"{Url(W.GroupA7.Id)}?day={day}&period=1", Ct);
        var put = await teacher.PutAsJsonAsync(Url(W.GroupA7.Id), new { day, period = 1, entries = new[] { Entry(W.LearnerA7.Id, "absent") } }, Ct);
        var otherSchool = await (await App.LoginAsync(W.AdminB)).GetAsync($"{Url()}?day={day}&period=1", Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSchool.StatusCode);
        Assert.False(await InDbAsync(db => db.Set<AttendanceRecord>().AnyAsync(r => r.LearnerId == W.LearnerA7.Id, Ct)));
    }

    [Fact]
    public async Task Put_LearnerNotInGroup_Returns400AndSavesNothing()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var day = rc.Day(5);
        var teacher = await App.LoginAsync(W.TeacherA);

        var response = await PutAsync(teacher, day, 1, Entry(W.LearnerA.Id, "absent"), Entry(W.LearnerA7.Id, "absent"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var message = problem.RootElement.GetProperty("errors").GetProperty("entries[1].learnerId")[0].GetString();
        Assert.Equal("Regel 2: deze leerling zit niet in deze groep.", message);
        Assert.False(await InDbAsync(db => db.Set<AttendanceRecord>().AnyAsync(r => r.Day == day && r.SchoolId == W.SchoolA.Id, Ct)));
    }

    [Fact]
    public async Task Put_BadLines_Returns400NamingEachLine()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var teacher = await App.LoginAsync(W.TeacherA);

        var response = await PutAsync(teacher, rc.Day(6), 1, Entry(W.LearnerA.Id, "absent", "XX"), Entry(rc.Bram.Id, "weg"), Entry(rc.Cato.Id, "late", "Z"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Regel 1: de code 'XX' bestaat niet (meer) op deze school.", text);
        Assert.Contains("Regel 2: kies aanwezig, afwezig of te laat.", text);
        Assert.Contains("Regel 3: bij te laat hoort een code voor te laat komen, niet Z.", text);
    }

    [Fact]
    public async Task Put_NotASchoolDayOrPeriod_Returns400()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var teacher = await App.LoginAsync(W.TeacherA);

        var saturday = await PutAsync(teacher, rc.Saturday, 1, Entry(W.LearnerA.Id, "absent"));
        var ninth = await PutAsync(teacher, rc.Day(7), 9, Entry(W.LearnerA.Id, "absent"));

        Assert.Equal(HttpStatusCode.BadRequest, saturday.StatusCode);
        Assert.Contains($"{Amsterdam.Date(rc.Saturday)} is geen schooldag", await saturday.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, ninth.StatusCode);
        Assert.Contains("geen 9e uur of dagdeel", await ninth.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Patch_AdminExcusesUnreportedAbsence_EvaluatorWithdrawsPendingReport()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var teacher = await App.LoginAsync(W.TeacherA);
        var day = rc.Day(8);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(teacher, day, 1, Entry(rc.Bram.Id, "absent"))).StatusCode);
        // Fifteen more unexcused hours on the days before: with this morning Bram passes 16 hours, without it he does not.
        await InDbAsync(async db =>
        {
            var ov = await db.Set<AbsenceCode>().FirstAsync(c => c.SchoolId == W.SchoolA.Id && c.Code == "OV", Ct);
            foreach (var d in new[] { rc.Day(9), rc.Day(10), rc.Day(11) })
                db.Add(new AttendanceRecord
                {
                    LearnerId = rc.Bram.Id, Id = Guid.CreateVersion7(), SchoolId = W.SchoolA.Id, Day = d, PeriodNumber = 1, CodeId = ov.Id,
                    Category = AbsenceCategory.Unexcused, Minutes = 300, Source = RecordSource.RollCall, RecordedByUserId = W.TeacherA.UserId,
                    RecordedUtc = DateTime.UtcNow, Stamp = Guid.NewGuid(),
                });
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(AbsenceReportStatus.Pending, Assert.Single(await EvaluateAsync(rc.Bram.Id)));

        var admin = await App.LoginAsync(W.AdminA);
        var line = (await admin.GetFromJsonAsync<RollCallView>($"{Url()}?day={Iso(day)}&period=1", Json, Ct))!.Learners.Single(l => l.LearnerId == rc.Bram.Id);
        var recordId = await InDbAsync(db => db.Set<AttendanceRecord>().Where(r => r.LearnerId == rc.Bram.Id && r.Day == day).Select(r => r.Id).SingleAsync(Ct));
        var stale = await admin.PatchAsJsonAsync($"/api/v1/learners/{rc.Bram.Id}/attendance-records/{recordId}", new { code = "GV", stamp = Guid.NewGuid() }, Ct);
        var excused = await admin.PatchAsJsonAsync($"/api/v1/learners/{rc.Bram.Id}/attendance-records/{recordId}", new { code = "GV", stamp = line.Stamp }, Ct);
        var byTeacher = await teacher.PatchAsJsonAsync($"/api/v1/learners/{rc.Bram.Id}/attendance-records/{recordId}", new { code = "OV" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, excused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byTeacher.StatusCode);
        var record = await InDbAsync(db => db.Set<AttendanceRecord>().SingleAsync(r => r.Id == recordId, Ct));
        Assert.Equal((AbsenceCategory.Excused, RecordSource.School), (record.Category, record.Source));
        Assert.NotEqual(line.Stamp, record.Stamp);
        Assert.Equal(AbsenceReportStatus.Withdrawn, Assert.Single(await EvaluateAsync(rc.Bram.Id)));
    }

    private async Task<List<AbsenceReportStatus>> EvaluateAsync(Guid learnerId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await scope.ServiceProvider.GetRequiredService<AbsenceEvaluator>().EvaluateSchoolAsync(W.SchoolA.Id, Amsterdam.Today(clock), Ct);
        return await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<AbsenceReport>()
            .Where(r => r.LearnerId == learnerId).Select(r => r.Status).ToListAsync(Ct);
    }

    [Fact]
    public async Task Put_CareCoordinator_Returns404ButMayRead()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var care = await App.LoginAsync(W.CareA);

        var put = await PutAsync(care, rc.Day(12), 1, Entry(W.LearnerA.Id, "absent"));
        var get = await care.GetAsync($"{Url()}?day={Iso(rc.Day(12))}&period=1", Ct);

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task Put_RollCallWithAbsences_TakesAHandfulOfStatements()
    {
        // The benchmark's hot path: no statement per learner, the set-up from memory, one save.
        var rc = await RollCallWorld.OfAsync(App);
        var day = rc.Day(13);
        var teacher = await App.LoginAsync(W.TeacherA);
        await GetAsync(teacher, day, 1); // warms the school's set-up, as the morning's first roll call does

        using var counter = new CommandCounter(App.Database.ConnectionString);
        var response = await PutAsync(teacher, day, 1, Entry(W.LearnerA.Id, "absent"), Entry(rc.Bram.Id, "absent", "Z"), Entry(rc.Cato.Id, "late", minutesLate: 3));

        Assert.Equal(new RollCallSaved(3, 1), await response.Content.ReadFromJsonAsync<RollCallSaved>(Json, Ct));
        TestContext.Current.TestOutputHelper?.WriteLine($"{counter.Count} statements:\n" + string.Join("\n---\n", counter.Texts));
        // One read for the group (learners, their records, the day's notices, alerts sent today, the roll-call row);
        // the rest is the audit chain: its heads locked (on a learner's first entry also created and locked again).
        var reads = counter.Texts.Where(t => t.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Single(reads, t => !t.Contains("\"AuditHeads\"", StringComparison.Ordinal));
        // PostgreSQL sends the save as one batch (plus the audit heads' lock); SQLite runs each insert as its own (in-process) command.
        if (App.Database.Provider != "Sqlite") Assert.InRange(counter.Count, 1, 5);
    }

    [Fact]
    public async Task Get_RollCallWithReportedAbsence_ReadsInOneQuery()
    {
        var rc = await RollCallWorld.OfAsync(App);
        var day = rc.Day(14);
        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(teacher, day, 1, Entry(W.LearnerA.Id, "absent", "Z"))).StatusCode);
        // Warms the school's set-up cache. Period 1 exists on every school day (a primary school's Wednesday has no second
        // day part, and which weekday Day(14) is depends on the date the suite runs).
        await GetAsync(teacher, day, 1);

        using var counter = new CommandCounter(App.Database.ConnectionString);
        var view = await GetAsync(teacher, day, 1);

        Assert.Equal("Z", view.Learners.Single(l => l.LearnerId == W.LearnerA.Id).Code);
        TestContext.Current.TestOutputHelper?.WriteLine($"{counter.Count} statements:\n" + string.Join("\n---\n", counter.Texts));
        // Learners, names, records, notices, the group's name and whether the roll was taken: one query. Then the
        // audit entry for the absence shown (heads locked, entry written).
        var reads = counter.Texts.Where(t => t.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Single(reads, t => !t.Contains("\"AuditHeads\"", StringComparison.Ordinal));
    }
}
