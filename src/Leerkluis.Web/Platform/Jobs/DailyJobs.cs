using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Platform.Jobs;

/// <summary>
/// A job that runs once a day (leerplicht sweep, retention, audit checkpoint, ...). It must be idempotent:
/// running it twice for the same day changes nothing the second time.
/// </summary>
public interface IDailyJob
{
    /// <summary>Stable name, used for the run record and `leerkluis run-job NAME`.</summary>
    string Name { get; }
    /// <summary>Runs for <paramref name="day"/> (Europe/Amsterdam) as the system actor; returns a short outcome without personal data.</summary>
    Task<string> RunAsync(DateOnly day, CancellationToken ct);
}

/// <summary>One row per job per day. Inserting it is the claim: with several web nodes only the node whose insert succeeds runs the job.</summary>
public sealed class JobRun
{
    public required string JobName { get; set; }
    public DateOnly Day { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public string? Node { get; set; }
    public string? Outcome { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasKey(x => new { x.JobName, x.Day });
        b.Property(x => x.JobName).HasMaxLength(80);
        b.Property(x => x.Node).HasMaxLength(100);
        b.Property(x => x.Outcome).HasMaxLength(500);
    }
}

/// <summary>Configuration section "Jobs".</summary>
public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Local time (Europe/Amsterdam) after which the day's jobs run.</summary>
    public TimeOnly DailyAt { get; set; } = new(2, 0);
}

/// <summary>Runs every registered daily job once a day, after <see cref="JobOptions.DailyAt"/>, on one node only.</summary>
public sealed class DailyJobRunner(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<JobOptions> options,
    ILogger<DailyJobRunner> log) : BackgroundService
{
    /// <summary>A failing job is tried this many times a day per node, this far apart; then the operator's `run-job --force`.</summary>
    public const int MaxAttemptsPerDay = 3;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        DateOnly? handled = null; // the day this node has already seen through: no database look-ups until the next one
        var failures = 0; // attempts that failed on failuresDay
        var failuresDay = DateOnly.MinValue;
        var retryAfter = DateTimeOffset.MinValue;
        do
        {
            var local = Amsterdam.ToLocal(clock.GetUtcNow().UtcDateTime);
            var day = DateOnly.FromDateTime(local);
            if (TimeOnly.FromDateTime(local) < options.Value.DailyAt || handled == day || clock.GetUtcNow() < retryAfter) continue;
            if (failuresDay != day) (failures, failuresDay) = (0, day);
            var failed = false;
            await using (var scope = scopes.CreateAsyncScope())
            {
                foreach (var job in scope.ServiceProvider.GetServices<IDailyJob>())
                {
                    try { await RunOnceAsync(scopes, clock, job.Name, day, force: false, stoppingToken); }
                    // A failed run gives up its claim: this node (or another) tries again later today.
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        log.JobFailed(e, job.Name);
                        failed = true;
                    }
                }
            }
            if (failed && ++failures < MaxAttemptsPerDay)
            {
                retryAfter = clock.GetUtcNow() + RetryDelay;
                continue;
            }
            handled = day;
            failures = 0;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Claims the day's run and runs the job in a fresh scope as the system actor. Returns null when another
    /// node (or an earlier run) already claimed that day, unless <paramref name="force"/> is set.
    /// </summary>
    public static async Task<string?> RunOnceAsync(IServiceScopeFactory scopes, TimeProvider clock, string name, DateOnly day, bool force, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(SystemActor.DailyJobs));
        var job = scope.ServiceProvider.GetServices<IDailyJob>().FirstOrDefault(j => j.Name == name)
            ?? throw new ArgumentException($"Unknown job '{name}'.", nameof(name));
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var run = await db.Set<JobRun>().FirstOrDefaultAsync(r => r.JobName == name && r.Day == day, ct);
        if (run is not null && !force) return null;
        if (run is null)
        {
            run = new JobRun { JobName = name, Day = day, StartedUtc = clock.GetUtcNow().UtcDateTime, Node = Environment.MachineName };
            db.Add(run);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return null; } // another node claimed it first
        }
        else
        {
            run.StartedUtc = clock.GetUtcNow().UtcDateTime;
            run.FinishedUtc = null;
        }
        string outcome;
        try
        {
            outcome = await job.RunAsync(day, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Give the claim up so that a later attempt (this node or another) runs the job again today.
            db.ChangeTracker.Clear();
            await db.Set<JobRun>().Where(r => r.JobName == name && r.Day == day && r.FinishedUtc == null).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        run.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        run.Outcome = outcome.Length > 500 ? outcome[..500] : outcome;
        db.ChangeTracker.Clear();
        db.Update(run);
        await db.SaveChangesAsync(ct);
        return outcome;
    }
}

public static class JobSetup
{
    public static IServiceCollection AddDailyJobs(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JobOptions>(config.GetSection("Jobs"));
        services.AddHostedService<DailyJobRunner>();
        return services;
    }

    /// <summary>Registers a daily job (scoped, so it can use the database context).</summary>
    public static IServiceCollection AddDailyJob<T>(this IServiceCollection services) where T : class, IDailyJob =>
        services.AddScoped<IDailyJob, T>();
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class DailyJobsLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Daily job {Job} failed")]
    public static partial void JobFailed(this ILogger log, Exception exception, string job);
}
