using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Mail;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Leerkluis.Web.Features.Attendance.Alerts;

/// <summary>Configuration section "Attendance".</summary>
public sealed class AlertOptions
{
    /// <summary>How often the sender looks for pending alerts.</summary>
    public int AlertPollSeconds { get; set; } = 30;
}

public sealed record AlertOutcome(int Sent, int Skipped);

/// <summary>
/// Sends the same-morning e-mail about an unreported absence (the roll call queues a <see cref="GuardianAlert"/>) to
/// every guardian with authority who has an e-mail address. The message names the child, the school and the day, never
/// a code or a reason. An alert is Skipped when the school chose no alerts, nobody can be mailed, or its day has passed
/// (a message about "today" that arrives tomorrow misleads). Each alert is claimed with a conditional update before it
/// is mailed, so two nodes never send the same one; a failed send puts it back. Sending is recorded in the learner's
/// audit trail, so the family sees that the school told them.
/// </summary>
public sealed class GuardianAlertSender(LeerkluisDb db, IMailer mailer, DossierGuard guard, TimeProvider clock,
    ILogger<GuardianAlertSender> log)
{
    public const int Batch = 200;

    public async Task<AlertOutcome> SendPendingAsync(CancellationToken ct = default)
    {
        var today = Amsterdam.Today(clock);
        var pending = await db.Set<GuardianAlert>().AsNoTracking().Where(a => a.Status == AlertStatus.Pending)
            .OrderBy(a => a.CreatedUtc).Take(Batch).ToListAsync(ct);
        if (pending.Count == 0) return new AlertOutcome(0, 0);

        var schoolIds = pending.Select(a => a.SchoolId).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        // A school without a settings row has the defaults, which alert by e-mail.
        var silent = (await db.Set<AttendanceSettings>().AsNoTracking()
            .Where(s => schoolIds.Contains(s.SchoolId) && s.AlertChannel == GuardianAlertChannel.None).Select(s => s.SchoolId).ToListAsync(ct)).ToHashSet();
        var learnerIds = pending.Select(a => a.LearnerId).Distinct().ToList();
        var learners = await db.Learners.AsNoTracking().Where(l => learnerIds.Contains(l.Id))
            .Select(l => new { l.Id, Name = l.CallName ?? l.FirstNames }).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var guardians = (await db.LearnerGuardians.AsNoTracking().Where(lg => learnerIds.Contains(lg.LearnerId) && lg.HasAuthority)
            .Join(db.Guardians.Where(g => g.Email != null && g.Email != ""), lg => lg.GuardianId, g => g.Id,
                (lg, g) => new { lg.LearnerId, g.FirstName, g.Prefix, g.LastName, Email = g.Email! })
            .ToListAsync(ct)).ToLookup(x => x.LearnerId);

        int sent = 0, skipped = 0;
        foreach (var alert in pending)
        {
            var recipients = guardians[alert.LearnerId].DistinctBy(g => g.Email.ToLowerInvariant()).ToList();
            var skip = silent.Contains(alert.SchoolId) || recipients.Count == 0 || alert.Day < today;
            if (!await ClaimAsync(alert, skip ? AlertStatus.Skipped : AlertStatus.Sent, ct)) continue;
            if (skip) { skipped++; continue; }
            try
            {
                var child = learners.GetValueOrDefault(alert.LearnerId, "uw kind");
                var school = schools.GetValueOrDefault(alert.SchoolId, "de school");
                foreach (var g in recipients)
                    await mailer.SendAsync(g.Email, $"{child} is vandaag afwezig zonder afmelding", Body(Registry.PersonName.Format(g.FirstName, g.Prefix, g.LastName), child, school, alert.Day), ct: ct);
                await guard.RecordRuleAsync(SystemActor.GuardianAlerts, alert.LearnerId, Section.Absence, Operation.Read, AuditEvent.Attendance_GuardianAlertSent, ct);
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Back to pending: the next round tries again. No address or name in the log.
                log.AlertNotSent(e, alert.Id);
                db.ChangeTracker.Clear();
                await db.Set<GuardianAlert>().Where(a => a.LearnerId == alert.LearnerId && a.Id == alert.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AlertStatus.Pending).SetProperty(a => a.SentUtc, (DateTime?)null), ct);
            }
        }
        return new AlertOutcome(sent, skipped);
    }

    private async Task<bool> ClaimAsync(GuardianAlert alert, AlertStatus status, CancellationToken ct)
    {
        DateTime? at = status == AlertStatus.Sent ? clock.GetUtcNow().UtcDateTime : null;
        return await db.Set<GuardianAlert>().Where(a => a.LearnerId == alert.LearnerId && a.Id == alert.Id && a.Status == AlertStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.SentUtc, at), ct) == 1;
    }

    /// <summary>Plain Dutch, no absence code or reason: an e-mail can be read by whoever shares the inbox.</summary>
    public static string Body(string guardianName, string child, string school, DateOnly day) =>
        $"""
        Beste {guardianName},

        {child} was vandaag, {Amsterdam.Date(day)}, niet op school en {school} heeft geen afmelding van u ontvangen.

        Weet u waar {child} is? Meld {child} dan alsnog af in Leerkluis (Mijn kinderen › Absentie) of bel de school.
        Is {child} wel onderweg of op school, neem dan zo snel mogelijk contact op met de school.

        Met vriendelijke groet,
        {school}

        Dit bericht is automatisch verstuurd door Leerkluis.
        """;
}

/// <summary>Polls for pending alerts every Attendance:AlertPollSeconds; off with Jobs:Enabled=false (tests call SendPendingAsync).</summary>
public sealed class GuardianAlertWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AlertOptions> options,
    IOptions<Platform.Jobs.JobOptions> jobs, ILogger<GuardianAlertWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.AlertPollSeconds)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(SystemActor.GuardianAlerts));
                var outcome = await scope.ServiceProvider.GetRequiredService<GuardianAlertSender>().SendPendingAsync(stoppingToken);
                if (outcome.Sent + outcome.Skipped > 0) log.AlertRound(outcome.Sent, outcome.Skipped);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.AlertRoundFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class GuardianAlertLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Guardian alert {AlertId} could not be sent")]
    public static partial void AlertNotSent(this ILogger log, Exception exception, Guid alertId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guardian alerts: {Sent} sent, {Skipped} skipped")]
    public static partial void AlertRound(this ILogger log, int sent, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Guardian alert round failed")]
    public static partial void AlertRoundFailed(this ILogger log, Exception exception);
}
