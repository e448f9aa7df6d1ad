using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.Signals;

public sealed record CareSignalRow(Guid LearnerId, Guid Id, string LearnerName, string? GroupName, CareSignalKind Kind, DateOnly RaisedOn,
    string Detail, DateTime? HandledUtc);

/// <summary>
/// The care coordinator's signals about frequent or long sickness (zorgsignalen), raised by the absence rule. The list
/// shows only learners whose absence the actor may read, each read audited. Marking a signal handled is audited as a
/// write in the learner's chain: the signal is the care coordinator's work item about the absence data, which they may
/// read (ACCESS.md), so the read decision is the basis for the write of the signal itself, not of the absence records.
/// </summary>
public sealed class CareSignals(LeerkluisDb db, DossierGuard guard, CurrentActor current, TimeProvider clock)
{
    public async Task<IReadOnlyList<CareSignalRow>> ListAsync(Guid schoolId, bool handled = false, CancellationToken ct = default)
    {
        RequireCareOf(schoolId);
        var signals = await db.Set<CareSignal>().AsNoTracking()
            .Where(s => s.SchoolId == schoolId && (handled ? s.HandledUtc != null : s.HandledUtc == null))
            .OrderByDescending(s => s.RaisedOn).Take(500).ToListAsync(ct);
        var readable = new HashSet<Guid>();
        foreach (var learnerId in signals.Select(s => s.LearnerId).Distinct())
        {
            if (!(await guard.PeekAsync(learnerId, Section.Absence, Operation.Read, ct)).Allowed) continue;
            await guard.RequireAsync(learnerId, Section.Absence, Operation.Read, AuditEvent.Attendance_CareSignalList, ct);
            readable.Add(learnerId);
        }
        await db.SaveChangesAsync(ct);
        signals = signals.Where(s => readable.Contains(s.LearnerId)).ToList();
        var ids = readable.ToList();
        var names = await db.Learners.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.CallName, l.FirstNames, l.Prefix, l.LastName }).ToListAsync(ct);
        var nameOf = names.ToDictionary(n => n.Id, n => Registry.PersonName.Format(n.CallName ?? n.FirstNames, n.Prefix, n.LastName));
        var groups = await db.GroupMemberships.AsNoTracking().Where(m => ids.Contains(m.LearnerId))
            .Join(db.Groups.Where(g => g.SchoolId == schoolId), m => m.GroupId, g => g.Id, (m, g) => new { m.LearnerId, g.Name, g.SchoolYearStart })
            .ToListAsync(ct);
        var groupOf = groups.GroupBy(g => g.LearnerId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.SchoolYearStart).First().Name);
        return signals.Select(s => new CareSignalRow(s.LearnerId, s.Id, nameOf.GetValueOrDefault(s.LearnerId, "?"), groupOf.GetValueOrDefault(s.LearnerId),
            s.Kind, s.RaisedOn, s.Detail, s.HandledUtc)).ToList();
    }

    public async Task HandleAsync(Guid schoolId, Guid learnerId, Guid id, CancellationToken ct = default)
    {
        RequireCareOf(schoolId);
        var signal = await db.Set<CareSignal>().FirstOrDefaultAsync(s => s.LearnerId == learnerId && s.Id == id && s.SchoolId == schoolId, ct)
            ?? throw new NotFoundException();
        var decision = await guard.PeekAsync(learnerId, Section.Absence, Operation.Read, ct);
        // Denied: the guard audits the failed attempt and answers 404.
        if (!decision.Allowed) await guard.RequireAsync(learnerId, Section.Absence, Operation.Read, AuditEvent.Attendance_CareSignalHandled, ct);
        if (signal.HandledUtc is not null) throw ValidationFailedException.For("signal", "Dit signaal is al afgehandeld.");
        signal.HandledUtc = clock.GetUtcNow().UtcDateTime;
        signal.HandledByUserId = current.Value.UserId;
        await guard.RecordAsync(learnerId, Section.Absence, Operation.Write, decision, AuditEvent.Attendance_CareSignalHandled, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The care coordinator and the admin of the school; teachers and others get "not found".</summary>
    private void RequireCareOf(Guid schoolId)
    {
        var actor = current.Value;
        if (actor.SchoolId != schoolId || actor.Role is not (Roles.CareCoordinator or Roles.SchoolAdmin)) throw new NotFoundException();
    }
}
