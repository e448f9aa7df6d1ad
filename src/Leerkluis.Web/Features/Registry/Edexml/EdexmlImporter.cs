using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Edexml;

public sealed class EdexmlOptions
{
    /// <summary>Configuration "Import:MaxFileBytes", shared with the upload limit of the web host.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
}

/// <summary>
/// Imports an Edexml 2.0/2.1 export of a school's administration, the one path for the API, the page (through
/// <see cref="ImportQueue"/>) and the command line: the planner says what would be created, updated, left alone or
/// skipped, and why; a file with problems is refused whole unless the valid records are asked for; the writer applies
/// the plan in one transaction with its audit entries.
/// </summary>
public sealed class EdexmlImporter(LeerkluisDb db, EdexmlPlanner planner, EdexmlWriter writer, DossierGuard guard, CurrentActor current,
    ILogger<EdexmlImporter> log)
{
    public async Task<EdexmlImportPlan> PreviewAsync(Stream file, Guid schoolId, CancellationToken ct = default)
    {
        guard.RequireAtSchool(schoolId, Section.Enrolment, Operation.Write);
        try
        {
            return await planner.PlanAsync(file, schoolId, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<EdexmlImportResult> ImportAsync(Stream file, Guid schoolId, bool skipInvalid,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var actor = current.Value;
        guard.RequireAtSchool(schoolId, Section.Enrolment, Operation.Write);
        db.ChangeTracker.Clear();
        var plan = await planner.PlanAsync(file, schoolId, ct);
        var problems = plan.AllProblems.ToList();
        if (plan.Work is not { } work || plan.IsUnreadable || (!skipInvalid && plan.HasProblems))
        {
            db.ChangeTracker.Clear();
            return Refused(plan, problems);
        }

        var total = EdexmlWriter.CountWrites(work);
        var done = 0;
        void Written(int count)
        {
            var before = done;
            done += count;
            if (done / 50 != before / 50 || done == total) progress?.Report(new ImportProgress(done, total));
        }
        progress?.Report(new ImportProgress(0, total));

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var committed = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await writer.WriteAsync(work, actor, Written, ct);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            committed = true;
        }
        catch (RegistryBatchRefusedException refused)
        {
            // Someone registered or enrolled one of these learners between the preview's reads and this write.
            foreach (var (learnerId, message) in refused.Refusals)
                if (plan.Records.FirstOrDefault(r => r.Type == EdexmlRecordType.Learner && r.TargetId == learnerId) is { } rec)
                {
                    var problem = EdexmlChecks.Business(message, rec.Path, rec.Line, rec);
                    rec.Problems.Add(problem);
                    problems.Add(problem);
                }
            return Refused(plan, problems);
        }
        catch (DbUpdateException ex)
        {
            // Typically someone else registered the same number between our reads and this write. The transaction keeps nothing.
            log.ImportRolledBack(ex, schoolId);
            problems.Add(new EdexmlProblem(EdexmlProblemKind.File,
                "Het opslaan in de database is mislukt, bijvoorbeeld omdat dezelfde leerling tegelijk door iemand anders is ingeschreven. Er is niets opgeslagen; probeer het opnieuw.", null, null));
            return Refused(plan, problems);
        }
        finally
        {
            if (!committed) await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            db.ChangeTracker.Clear();
        }
        progress?.Report(new ImportProgress(total, total));
        return new EdexmlImportResult(true, false, plan.Count(EdexmlAction.Create), plan.Count(EdexmlAction.Update),
            plan.Count(EdexmlAction.Unchanged), plan.Count(EdexmlAction.Skipped), problems, plan.Records);
    }

    private static EdexmlImportResult Refused(EdexmlImportPlan plan, List<EdexmlProblem> problems) =>
        new(false, true, 0, 0, 0, 0, problems, plan.Records);
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class EdexmlImporterLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Edexml import for school {SchoolId} rolled back")]
    public static partial void ImportRolledBack(this ILogger log, Exception exception, Guid schoolId);
}
