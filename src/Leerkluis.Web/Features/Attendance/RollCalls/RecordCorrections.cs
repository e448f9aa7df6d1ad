using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.RollCalls;

/// <param name="Code">The new code, e.g. GV to excuse an unreported absence.</param>
/// <param name="Stamp">The stamp the record was shown with; when given and no longer current, nothing changes (409).</param>
public sealed record ChangeRecordCommand(string? Code, Guid? Stamp);

public sealed record RecordChanged(Guid Id, string Code, Guid Stamp);

/// <summary>
/// The school changes a record's code afterwards (unreported, then excused: OV → GV). The category changes with the
/// code, so the next evaluation of the 16-hour rule no longer counts it (and withdraws a pending report it carried).
/// </summary>
public sealed class RecordCorrections(LeerkluisDb db, DossierGuard guard, CurrentActor current, SchoolSetups setups, TimeProvider clock)
{
    public async Task<RecordChanged> ChangeCodeAsync(Guid learnerId, Guid recordId, ChangeRecordCommand command, CancellationToken ct = default)
    {
        var actor = current.Value;
        // Teachers may write absence, but excusing afterwards is the office's decision.
        if (actor.Role != Roles.SchoolAdmin || actor.SchoolId is not { } schoolId || actor.UserId is not { } userId) throw new NotFoundException();
        await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_RecordChanged, ct);
        var record = await db.Set<AttendanceRecord>()
            .FirstOrDefaultAsync(r => r.LearnerId == learnerId && r.Id == recordId && r.SchoolId == schoolId, ct) ?? throw new NotFoundException();
        var setup = await setups.ForSchoolAsync(schoolId, ct);

        if (string.IsNullOrWhiteSpace(command.Code)) throw ValidationFailedException.For("code", "Kies een code.");
        var code = setup.Code(command.Code);
        if (code is null || !code.Active) throw ValidationFailedException.For("code", $"De code '{command.Code.Trim()}' bestaat niet (meer) op deze school.");
        var wasLate = record.Category == AbsenceCategory.Late;
        if (wasLate != (code.Category == AbsenceCategory.Late))
            throw ValidationFailedException.For("code", wasLate
                ? $"Deze leerling kwam te laat; {code.Code} is een code voor afwezigheid. Wijzig dat in de absentieregistratie van het uur."
                : $"{code.Code} is een code voor te laat komen; deze leerling was afwezig. Wijzig dat in de absentieregistratie van het uur.");
        if (command.Stamp is { } stamp && stamp != record.Stamp)
        {
            var by = await db.Users.AsNoTracking().Where(u => u.Id == record.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            var name = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId).Select(l => l.CallName ?? l.FirstNames).FirstAsync(ct);
            await db.SaveChangesAsync(ct); // the read of the other's change is recorded; nothing else changes
            throw new RollCallConflictException([new RollCallConflict(learnerId, name,
                new ConflictSide(MarkNames.Of(record.Category), setup.Code(record.CodeId)?.Code, by, DateTime.SpecifyKind(record.RecordedUtc, DateTimeKind.Utc)),
                new ConflictSide(MarkNames.Of(code.Category), code.Code, null, null))]);
        }

        if (record.CodeId != code.Id)
        {
            record.CodeId = code.Id;
            record.Category = code.Category;
            record.Source = RecordSource.School;
            record.RecordedByUserId = userId;
            record.RecordedUtc = clock.GetUtcNow().UtcDateTime;
            record.Stamp = Guid.NewGuid();
        }
        await db.SaveChangesAsync(ct);
        return new RecordChanged(record.Id, code.Code, record.Stamp);
    }
}
