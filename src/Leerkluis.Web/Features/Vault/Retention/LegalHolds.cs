using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Retention;

/// <summary>Setting and lifting a legal hold, which stops every erasure of the learner (for now: the operator's command line).</summary>
public sealed class LegalHolds(LeerkluisDb db, CurrentActor current, TimeProvider clock)
{
    public async Task SetAsync(Guid learnerId, string? reason, CancellationToken ct = default)
    {
        if (!current.Value.IsSystem) throw new NotFoundException();
        new Validation().Require("reason", reason, "Reden", 500).ThrowIfInvalid();
        if (!await db.Learners.AnyAsync(l => l.Id == learnerId, ct)) throw new NotFoundException();
        if (await db.Set<LegalHold>().AnyAsync(h => h.LearnerId == learnerId, ct)) return;
        db.Add(new LegalHold
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), Reason = reason!.Trim(), SetByUserId = current.Value.UserId,
            SetByRole = current.Value.Role, SinceUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Returns whether there was a hold to lift.</summary>
    public async Task<bool> LiftAsync(Guid learnerId, CancellationToken ct = default)
    {
        if (!current.Value.IsSystem) throw new NotFoundException();
        return await db.Set<LegalHold>().Where(h => h.LearnerId == learnerId).ExecuteDeleteAsync(ct) > 0;
    }
}
