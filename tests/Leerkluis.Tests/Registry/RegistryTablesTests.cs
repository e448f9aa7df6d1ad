using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Registry;

public sealed class RegistryTablesSqliteTests(SqliteApp app) : RegistryTablesTests<SqliteApp>(app);
public sealed class RegistryTablesPostgresTests(PostgresApp app) : RegistryTablesTests<PostgresApp>(app);

/// <summary>
/// The registry's tables are extension properties on the context (RegistryTables). C# keeps extension properties out
/// of expression trees (CS9296), so a query that uses one inside a lambda captures it first; EF Core must still send
/// one statement, as it did when the tables were the context's own DbSets.
/// </summary>
public abstract class RegistryTablesTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A counter EF Core reports to: it checks for diagnostic listeners at most once a second (logging cache time).</summary>
    private async Task<CommandCounter> CountingAsync()
    {
        var counter = new CommandCounter(App.Database.ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(1.2), Ct);
        return counter;
    }

    [Fact]
    public async Task ExtensionTable_CapturedInsideAQuery_OneStatement()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var enrolments = db.Enrolments;
        var schoolId = W.SchoolA.Id;

        using var counter = await CountingAsync();
        var enrolled = await db.Learners.AsNoTracking()
            .Where(l => enrolments.Any(e => e.LearnerId == l.Id && e.SchoolId == schoolId))
            .Select(l => l.Id).ToListAsync(Ct);

        Assert.Contains(W.LearnerA.Id, enrolled);
        Assert.DoesNotContain(W.LearnerB.Id, enrolled);
        Assert.Single(counter.Texts);
    }

    [Fact]
    public async Task GroupLearners_ComposedWithMoreData_OneStatement()
    {
        // The shape the roll call builds on the kernel's access query (AccessDecision.PrimeGroupAsync).
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var relations = scope.ServiceProvider.GetRequiredService<LearnerRelations>();
        var actor = new Web.Platform.Access.Actor(W.AdminA.UserId, Web.Platform.Identity.Roles.SchoolAdmin, null, W.SchoolA.Id, null, null, null);
        var learners = db.Learners;

        using var counter = await CountingAsync();
        var rows = await relations.GroupLearners(actor, W.GroupA8.Id, TestWorld.Today)
            .Join(learners, id => id, l => l.Id, (id, l) => new { id, l.LastName })
            .ToListAsync(Ct);

        Assert.Contains(rows, r => r.id == W.LearnerA.Id);
        Assert.DoesNotContain(rows, r => r.id == W.LearnerA7.Id);
        Assert.Single(counter.Texts);
    }
}
