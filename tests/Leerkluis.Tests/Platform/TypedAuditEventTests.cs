using System.Net;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Platform;

public sealed class TypedAuditEventSqliteTests(SqliteApp app) : TypedAuditEventTests<SqliteApp>(app);
public sealed class TypedAuditEventPostgresTests(PostgresApp app) : TypedAuditEventTests<PostgresApp>(app);

/// <summary>Typed events land in the learner's chain over HTTP, for a read and for a write, and the chains still verify.</summary>
public abstract class TypedAuditEventTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<AuditEntry>> EntriesAsync(Guid learnerId, Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().AuditEntries.AsNoTracking()
            .Where(a => a.LearnerId == learnerId && a.ActorUserId == userId).ToListAsync(Ct);
    }

    private async Task VerifiesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(Ct));
    }

    [Fact]
    public async Task Read_TeacherOpensCard_LearnerCardEventInChain()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        (await teacher.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(W.LearnerA.Id, W.TeacherA.UserId);
        Assert.Contains(entries, e => AuditEvents.Parse(e.Action) == AuditEvent.Registry_LearnerCard
            && e.Section == Section.Personalia && e.Operation == Operation.Read && e.Allowed && e.Basis == Basis.Enrolment);
        await VerifiesAsync();
    }

    [Fact]
    public async Task Write_AdminRegistersLearner_RegisteredAndEnrolledEventsDecidedByTheKernel()
    {
        var admin = await App.LoginAsync(W.AdminA);
        var command = new RegisterLearnerCommand(W.SchoolA.Id, "Typo", null, null, "Gebeurtenis", new DateOnly(2017, 5, 6), Gender.Unknown,
            null, "4321", new AddressInput("Schoolstraat", "3", "3512 BC", "Utrecht", "0344"), TestWorld.Today, null, ConfirmNotDuplicate: true);
        var created = await admin.PostAsJsonAsync("/api/v1/learners", command, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var learnerId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetGuid();

        var entries = await EntriesAsync(learnerId, W.AdminA.UserId);
        Assert.Contains(entries, e => AuditEvents.Parse(e.Action) == AuditEvent.Registry_Registered && e.Section == Section.Personalia
            && e.Operation == Operation.Write && e.Allowed && e.Basis == Basis.Enrolment && e.OrganisationId == W.SchoolA.Id);
        Assert.Contains(entries, e => AuditEvents.Parse(e.Action) == AuditEvent.Registry_Enrolled && e.Section == Section.Enrolment);

        // Another school's admin may not register at school A: 404, and nothing is written.
        var other = await App.LoginAsync(W.AdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/v1/learners", command with { LastName = "Elders" }, Ct)).StatusCode);
        await VerifiesAsync();
    }
}
