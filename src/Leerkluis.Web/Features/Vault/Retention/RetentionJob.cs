using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Retention;

/// <summary>
/// Daily job "retention": applies <see cref="RetentionRule"/> to every learner who has left, erasing what expired
/// (ADR 0005). Idempotent: a kind erased for a last enrolment day is marked and not visited again; a full erasure
/// leaves nothing to visit.
/// </summary>
public sealed class RetentionJob(LeerkluisDb db, EraseLearner erase) : IDailyJob
{
    public string Name => "retention";

    public async Task<string> RunAsync(DateOnly day, CancellationToken ct)
    {
        var candidates = new SortedSet<Guid>();
        foreach (var kind in Enum.GetValues<DataKind>())
            candidates.UnionWith(await CandidatesAsync(kind, day, ct));

        int all = 0, partly = 0;
        foreach (var learnerId in candidates)
        {
            db.ChangeTracker.Clear();
            var history = await db.Enrolments.AsNoTracking().Where(e => e.LearnerId == learnerId)
                .Select(e => new EnrolmentPeriod(e.StartDate, e.EndDate)).ToListAsync(ct);
            var held = await db.Set<LegalHold>().AnyAsync(h => h.LearnerId == learnerId, ct);
            var verdict = RetentionRule.Decide(history, held, day);
            if (verdict.LastDay is not { } lastDay || verdict.Expired.Count == 0) continue;
            if (verdict.EraseAll)
            {
                await erase.HandleAsync(EraseLearnerCommand.All(learnerId, ErasureReason.Retention), ct);
                all++;
                continue;
            }
            var marked = await db.Set<RetentionMark>().Where(m => m.LearnerId == learnerId && m.LastDay == lastDay)
                .Select(m => m.Kind).ToListAsync(ct);
            var todo = verdict.Expired.Except(marked).ToHashSet();
            if (todo.Count == 0) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var kind in todo)
                db.Add(new RetentionMark { LearnerId = learnerId, Id = Guid.CreateVersion7(), Kind = kind, LastDay = lastDay, ErasedOn = day });
            await erase.HandleAsync(new EraseLearnerCommand(learnerId, ErasureReason.Retention, todo), ct);
            await tx.CommitAsync(ct);
            partly++;
        }
        if (all + partly > 0) await erase.FlushAsync(ct);
        return $"{all} learners erased entirely, {partly} partly (of {candidates.Count} examined)";
    }

    /// <summary>
    /// Learners whose last enrolment ended at least the kind's period ago, with no enrolment active or to come, no legal
    /// hold, and (for the partial kinds) not yet erased for that last day. A cheap superset; the rule decides.
    /// </summary>
    private async Task<List<Guid>> CandidatesAsync(DataKind kind, DateOnly day, CancellationToken ct)
    {
        var cutoff = day.AddYears(-RetentionRule.YearsKept(kind));
        var enrolments = db.Enrolments;
        var learners = db.Learners
            .Where(l => enrolments.Any(e => e.LearnerId == l.Id))
            .Where(l => !enrolments.Any(e => e.LearnerId == l.Id && (e.EndDate == null || e.EndDate > cutoff || e.StartDate > day)))
            .Where(l => !db.Set<LegalHold>().Any(h => h.LearnerId == l.Id));
        if (kind != DataKind.AbsenceAndEnrolment)
        {
            // Marked for a last day no enrolment ended after: done for this kind.
            learners = learners.Where(l => !db.Set<RetentionMark>().Any(m => m.LearnerId == l.Id && m.Kind == kind
                && !enrolments.Any(e => e.LearnerId == l.Id && e.EndDate > m.LastDay)));
        }
        return await learners.Select(l => l.Id).ToListAsync(ct);
    }
}
