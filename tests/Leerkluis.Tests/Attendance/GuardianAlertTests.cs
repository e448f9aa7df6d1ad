using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Leerkluis.Tests.Attendance.GuardianAttendanceArrange;

namespace Leerkluis.Tests.Attendance;

public sealed class GuardianAlertSqliteTests(SqliteApp app) : GuardianAlertTests<SqliteApp>(app);
public sealed class GuardianAlertPostgresTests(PostgresApp app) : GuardianAlertTests<PostgresApp>(app);

/// <summary>The same-morning e-mail about an unreported absence, and the notice on the guardian's child page.</summary>
public abstract class GuardianAlertTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private List<MimeMessage> MailTo(string address) => !Directory.Exists(App.OutboxFolder) ? []
        : Directory.GetFiles(App.OutboxFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == address)).ToList();

    private Task<GuardianAlert> ReloadAsync(GuardianAlert a) =>
        QueryAsync(App, db => db.Set<GuardianAlert>().AsNoTracking().FirstAsync(x => x.LearnerId == a.LearnerId && x.Id == a.Id, Ct));

    [Fact]
    public async Task SendPending_UnreportedAbsence_GuardianMailedOnceWithoutCode()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var alert = await AlertAsync(App, W.LearnerA.Id, W.SchoolA.Id, Today(App));

        var first = await SendAlertsAsync(App);
        var second = await SendAlertsAsync(App);

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Sent + second.Skipped);
        var mail = Assert.Single(MailTo(W.GuardianA.Email!));
        Assert.Equal("Sanne is vandaag afwezig zonder afmelding", mail.Subject);
        Assert.Contains($"Sanne was vandaag, {Web.Platform.Time.Amsterdam.Date(Today(App))}, niet op school en Basisschool De Testboom", mail.TextBody);
        Assert.DoesNotContain("OV", mail.TextBody);
        var stored = await ReloadAsync(alert);
        Assert.Equal(AlertStatus.Sent, stored.Status);
        Assert.NotNull(stored.SentUtc);
        Assert.True(await QueryAsync(App, db => db.AuditEntries.AnyAsync(e => e.LearnerId == W.LearnerA.Id && e.Action == "guardian-alert-sent", Ct)));
    }

    [Fact]
    public async Task SendPending_SchoolChoseNoAlerts_SkippedWithoutMail()
    {
        await SettingsAsync(App, W.SchoolB.Id, channel: GuardianAlertChannel.None);
        var alert = await AlertAsync(App, W.LearnerB.Id, W.SchoolB.Id, Today(App));

        var outcome = await SendAlertsAsync(App);

        Assert.True(outcome.Skipped >= 1);
        Assert.Equal(AlertStatus.Skipped, (await ReloadAsync(alert)).Status);
        Assert.Empty(MailTo("ouder.b@test.invalid"));
    }

    [Fact]
    public async Task SendPending_AlertOfAnEarlierDay_SkippedAsStale()
    {
        await SettingsAsync(App, W.SchoolA.Id);
        var alert = await AlertAsync(App, W.LearnerA7.Id, W.SchoolA.Id, Today(App).AddDays(-2));

        await SendAlertsAsync(App);

        Assert.Equal(AlertStatus.Skipped, (await ReloadAsync(alert)).Status);
    }

    [Fact]
    public async Task ChildPage_UnreportedAbsenceToday_GuardianSeesIt()
    {
        var parent = await App.LoginAsync(W.ParentA);
        var before = await parent.GetStringAsync($"/Ouder/Kind/{W.LearnerA.Id}", Ct);
        Assert.DoesNotContain("afwezig zonder afmelding", before);

        await UnreportedAsync(App, W.LearnerA.Id, W.SchoolA.Id, Today(App), W.TeacherA.UserId);
        var page = await parent.GetStringAsync($"/Ouder/Kind/{W.LearnerA.Id}", Ct);

        Assert.Contains("Sanne de Testvries is vandaag afwezig zonder afmelding", page);
        Assert.Contains($"/Ouder/Absentie/{W.LearnerA.Id}/Melden", page);
    }
}
