using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Platform;

public sealed class DailyJobTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private sealed class CountingJob : IDailyJob
    {
        public static int Runs;
        public string Name => "counting";
        public Task<string> RunAsync(DateOnly day, CancellationToken ct) => Task.FromResult($"run {Interlocked.Increment(ref Runs)} for {day:yyyy-MM-dd}");
    }

    private sealed class FlakyJob : IDailyJob
    {
        public static int Attempts;
        public string Name => "flaky";
        public Task<string> RunAsync(DateOnly day, CancellationToken ct) =>
            Interlocked.Increment(ref Attempts) == 1 ? throw new InvalidOperationException("database went away") : Task.FromResult("done");
    }

    [Fact]
    public async Task RunOnce_JobThrows_GivesUpTheClaimSoTheNextAttemptRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddDailyJob<FlakyJob>()));
        var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
        var day = new DateOnly(2026, 11, 24);

        await Assert.ThrowsAsync<InvalidOperationException>(() => DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "flaky", day, force: false, ct));
        Assert.Equal("done", await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "flaky", day, force: false, ct));

        await using var scope = host.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<JobRun>().SingleAsync(r => r.JobName == "flaky", ct);
        Assert.Equal("done", run.Outcome);
        Assert.NotNull(run.FinishedUtc);
    }

    [Fact]
    public async Task RunOnce_SameDayTwice_RunsOnceUnlessForced()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddDailyJob<CountingJob>()));
        var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
        var day = new DateOnly(2026, 11, 23);
        var before = CountingJob.Runs;

        Assert.Equal($"run {before + 1} for 2026-11-23", await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "counting", day, force: false, ct));
        Assert.Null(await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "counting", day, force: false, ct));
        Assert.NotNull(await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "counting", day.AddDays(1), force: false, ct));
        Assert.NotNull(await DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "counting", day, force: true, ct));
        Assert.Equal(before + 3, CountingJob.Runs);

        await using var scope = host.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<JobRun>().Where(r => r.JobName == "counting").ToListAsync(ct);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.NotNull(r.FinishedUtc));
        await Assert.ThrowsAsync<ArgumentException>(() => DailyJobRunner.RunOnceAsync(scopes, TimeProvider.System, "nope", day, false, ct));
    }
}
