using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Rights;

/// <summary>The requester of a right, once found to hold it; <see cref="Decision"/> is the guard's, on which the act is recorded.</summary>
public sealed record RightsHolder(Relation Relation, Basis Basis, Guid UserId, Guid? GuardianId, int? Age, Decision Decision);

/// <summary>
/// Decides whether the current actor holds a right for a learner: the access decision must relate them as the
/// learner or a guardian, and <see cref="RightsRules"/> must let them act at the learner's age. A refusal is
/// audited on an existing learner and answered as 404, like every other denial.
/// </summary>
public sealed class RightsAccess(DossierGuard guard, LeerkluisDb db, TimeProvider clock)
{
    public async Task<RightsHolder> RequireAsync(Guid learnerId, Right right, AuditEvent action, CancellationToken ct = default)
    {
        var actor = guard.Actor;
        var decision = await guard.PeekAsync(learnerId, Section.Personalia, Operation.Read, ct);
        var born = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId).Select(l => new { l.BirthDate }).FirstOrDefaultAsync(ct);
        if (born is null) throw new NotFoundException();
        int? age = born.BirthDate is { } b ? Age.On(b, Amsterdam.Today(clock)) : null;
        if (decision is { Allowed: true, Relation: { } relation } && actor.UserId is { } userId && RightsRules.MayExercise(relation, age, right))
            return new RightsHolder(relation, decision.Basis, userId, actor.GuardianId, age, decision);

        await guard.RefuseAsync(learnerId, Section.Personalia, right == Right.Export ? Operation.Read : Operation.Write, action, ct);
        throw new NotFoundException(); // RefuseAsync has thrown already
    }

    /// <summary>Whether the actor holds the right, without auditing: to decide whether to offer a link.</summary>
    public async Task<bool> HoldsAsync(Guid learnerId, Right right, CancellationToken ct = default)
    {
        var decision = await guard.PeekAsync(learnerId, Section.Personalia, Operation.Read, ct);
        if (decision is not { Allowed: true, Relation: { } relation }) return false;
        var born = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId).Select(l => l.BirthDate).FirstOrDefaultAsync(ct);
        return RightsRules.MayExercise(relation, born is { } b ? Age.On(b, Amsterdam.Today(clock)) : null, right);
    }
}
