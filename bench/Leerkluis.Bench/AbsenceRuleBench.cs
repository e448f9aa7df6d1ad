using System.Diagnostics;
using Leerkluis.Web;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Rules;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Bench;

/// <summary>
/// absence-rule: 1,000 generated po and vo schools (about 250,000 learners) with a term of attendance records on
/// PostgreSQL; the nightly job "absence-rule" (AbsenceEvaluator over every school: the 16-hour rule, long-term absence,
/// sick signals, reconciling the report queue) runs once for the Monday after the term, in process, as `run-job` would.
/// Budget: under 30 s. The outcome is checked against the pure rule applied to a sample of learners from what the
/// generator wrote (not read back), and a second run must change nothing (the job is idempotent).
/// </summary>
public static class AbsenceRuleBench
{
    public static async Task<int> RunAsync()
    {
        var report = new Report("absence-rule");
        var cs = await BenchDatabase.CreateAsync("absence-rule");
        var world = await AttendanceBenchWorld.SeedAsync(cs, BenchScale.Schools(1000), report);

        await using var app = await CliHost.BuildAsync([]);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var day = AttendanceBenchWorld.Today;

        var watch = Stopwatch.StartNew();
        var outcome = await DailyJobRunner.RunOnceAsync(scopes, clock, "absence-rule", day, force: true, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  job: {outcome}");

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var reports = await db.Set<AbsenceReport>().AsNoTracking().Where(r => r.Status != AbsenceReportStatus.Withdrawn)
            .Select(r => new { r.LearnerId, r.Type, r.PeriodStart, r.PeriodEnd, r.Minutes }).ToListAsync();
        var evaluated = await db.Set<AttendanceRecord>().Where(r => r.Category == AbsenceCategory.Unexcused).Select(r => r.LearnerId).Distinct().CountAsync();
        var signals = await db.Set<CareSignal>().CountAsync();

        report.Figure("evaluate", seconds, "s", "< 30 s", seconds < 30);
        report.Figure("schools", world.Schools, "schools");
        report.Figure("learners", world.Learners, "learners");
        report.Figure("learners-evaluated", evaluated, "learners with unexcused absence");
        report.Figure("reports-created", reports.Count, "reports");
        report.Figure("reports-16-hours", reports.Count(r => r.Type == AbsenceReportType.SixteenHours), "reports");
        report.Figure("reports-long-term", reports.Count(r => r.Type == AbsenceReportType.LongTerm), "reports");
        report.Figure("learners-reported", reports.Select(r => r.LearnerId).Distinct().Count(), "learners");
        report.Figure("care-signals", signals, "signals");

        // The sample: the pure rule over the unexcused days the generator wrote must give exactly the stored reports.
        var stored = reports.ToLookup(r => r.LearnerId, r => new ReportDraft(r.Type, r.PeriodStart, r.PeriodEnd, r.Minutes));
        var mismatches = 0;
        var expectedReports = 0;
        foreach (var learner in world.Sample)
        {
            var expected = AbsenceRule.Evaluate(learner.Days, learner.Calendar).OrderBy(d => d.PeriodStart).ThenBy(d => d.Type).ToList();
            var actual = stored[learner.LearnerId].OrderBy(d => d.PeriodStart).ThenBy(d => d.Type).ToList();
            expectedReports += expected.Count;
            if (expected.SequenceEqual(actual)) continue;
            if (mismatches++ < 5)
                Console.WriteLine($"  MISMATCH learner {learner.LearnerId}: expected [{string.Join("; ", expected)}] stored [{string.Join("; ", actual)}]");
        }
        report.Figure("check.sample", world.Sample.Count, "learners");
        report.Figure("check.sample-reports", expectedReports, "reports");
        report.Figure("check.mismatches", mismatches, "learners", "0", mismatches == 0 && expectedReports > 0);

        watch.Restart();
        var again = await DailyJobRunner.RunOnceAsync(scopes, clock, "absence-rule", day, force: true, CancellationToken.None);
        report.Figure("second-run", watch.Elapsed.TotalSeconds, "s");
        var after = await db.Set<AbsenceReport>().CountAsync();
        Console.WriteLine($"  second run: {again}");
        report.Figure("second-run.reports-changed", after - reports.Count, "reports", "0 (idempotent)", after == reports.Count);
        return report.Verdict();
    }
}

/// <summary>The scale of a benchmark; LEERKLUIS_BENCH_SCHOOLS makes a quick smaller run while developing one.</summary>
public static class BenchScale
{
    public static int Schools(int full) =>
        int.TryParse(Environment.GetEnvironmentVariable("LEERKLUIS_BENCH_SCHOOLS"), out var n) && n > 0 ? n : full;
}
