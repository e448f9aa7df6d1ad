using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

/// <summary>
/// Runs <see cref="AuditCheckpointJob"/> once a day at 02:30 Europe/Amsterdam (`leerkluis audit-checkpoint` runs it
/// by hand). Minimal on purpose: when the shared daily-job runner arrives, the job moves onto it.
/// Several nodes may run this; the checkpoint's day key lets only one write it. Off with Jobs:Enabled=false.
/// </summary>
public sealed class CheckpointSchedule(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<CheckpointSchedule> log)
    : BackgroundService
{
    public static readonly TimeOnly At = new(2, 30);

    /// <summary>The next moment (UTC) the checkpoint is due after <paramref name="nowUtc"/>: today's 02:30 local time if still ahead, else tomorrow's.</summary>
    public static DateTime NextRunUtc(DateTime nowUtc)
    {
        var local = Amsterdam.ToLocal(nowUtc);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= At) day = day.AddDays(1);
        var due = day.ToDateTime(At, DateTimeKind.Unspecified);
        // 02:30 may not exist on the night clocks go forward: then it runs an hour later.
        if (Amsterdam.Zone.IsInvalidTime(due)) due = due.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(due, Amsterdam.Zone);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jobs:Enabled", true)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = NextRunUtc(clock.GetUtcNow().UtcDateTime) - clock.GetUtcNow().UtcDateTime;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1), clock, stoppingToken);
            var day = Amsterdam.Today(clock);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System());
                var outcome = await scope.ServiceProvider.GetRequiredService<AuditCheckpointJob>().RunAsync(day, stoppingToken);
                log.LogInformation("audit: {Outcome}", outcome);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Another node may have written it at the same moment; the next day runs again anyway.
                log.LogWarning(e, "audit checkpoint failed");
            }
        }
    }
}
