using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Enrolments;

public sealed record EnrolExistingCommand(Guid SchoolId, string? PersonalNumber, DateOnly? StartDate, Guid? GroupId, string? Reason);
public sealed record DeregisterCommand(Guid LearnerId, Guid EnrolmentId, DateOnly? EndDate, string? Reason);

/// <summary>Enrolment use cases for a school's administration: enrol a known learner, deregister, change group.</summary>
public sealed class EnrolmentCommands(LeerkluisDb db, DossierGuard guard, CurrentActor current)
{
    /// <summary>Enrols a learner who already exists in Leerkluis (found by the PGN, which the school may use by law).</summary>
    public async Task<Enrolment> EnrolExistingAsync(EnrolExistingCommand c, CancellationToken ct = default)
    {
        guard.RequireAtSchool(c.SchoolId, Section.Enrolment, Operation.Write);
        var v = new Validation();
        var check = PersonalNumber.Check(c.PersonalNumber);
        if (!check.IsValid) v.Add("personalNumber", check.Error!);
        if (c.StartDate is null) v.Add("startDate", "Datum van inschrijving is verplicht.");
        if (c.GroupId is { } gid && !await db.Groups.AnyAsync(g => g.Id == gid && g.SchoolId == c.SchoolId, ct))
            v.Add("groupId", "Deze groep bestaat niet op deze school.");
        v.ThrowIfInvalid();

        var claim = await db.PersonalNumberClaims.AsNoTracking().FirstOrDefaultAsync(x => x.PersonalNumber == check.Number!.Value.Value, ct)
            ?? throw ValidationFailedException.For("personalNumber", "Er is geen leerling met dit nummer bekend. Registreer de leerling als nieuwe leerling.");
        var existing = await db.Enrolments.Where(e => e.LearnerId == claim.LearnerId).ToListAsync(ct);
        if (EnrolmentRules.CheckNew(existing, c.SchoolId, c.StartDate!.Value, EnrolmentKind.Main) is { } error)
            throw ValidationFailedException.For("startDate", error);

        var enrolment = new Enrolment
        {
            LearnerId = claim.LearnerId, Id = Guid.CreateVersion7(), SchoolId = c.SchoolId, Kind = EnrolmentKind.Main,
            StartDate = c.StartDate.Value, StartReason = string.IsNullOrWhiteSpace(c.Reason) ? "Inschrijving" : c.Reason.Trim(),
        };
        db.Enrolments.Add(enrolment);
        if (c.GroupId is { } groupId)
            db.GroupMemberships.Add(new GroupMembership { LearnerId = claim.LearnerId, Id = Guid.CreateVersion7(), GroupId = groupId });
        await guard.RequireAtSchoolAsync(c.SchoolId, claim.LearnerId, Section.Enrolment, Operation.Write, AuditEvent.Registry_Enrolled, ct);
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    public async Task DeregisterAsync(DeregisterCommand c, CancellationToken ct = default)
    {
        await guard.RequireAsync(c.LearnerId, Section.Enrolment, Operation.Write, AuditEvent.Registry_Deregistered, ct);
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.LearnerId == c.LearnerId && e.Id == c.EnrolmentId
            && e.SchoolId == current.Value.SchoolId, ct) ?? throw new NotFoundException();
        var v = new Validation().Require("reason", c.Reason, "Reden van uitschrijving");
        if (c.EndDate is null) v.Add("endDate", "Datum van uitschrijving is verplicht.");
        else if (EnrolmentRules.CheckEnd(enrolment, c.EndDate.Value) is { } error) v.Add("endDate", error);
        v.ThrowIfInvalid();
        enrolment.EndDate = c.EndDate;
        enrolment.EndReason = c.Reason!.Trim();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Places the learner in a group of the school (replacing their group of that school year).</summary>
    public async Task SetGroupAsync(Guid learnerId, Guid groupId, CancellationToken ct = default)
    {
        await guard.RequireAsync(learnerId, Section.Group, Operation.Write, AuditEvent.Registry_GroupSet, ct);
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.SchoolId == current.Value.SchoolId, ct)
            ?? throw ValidationFailedException.For("groupId", "Deze groep bestaat niet op deze school.");
        var sameYear = await db.GroupMemberships.Where(m => m.LearnerId == learnerId)
            .Join(db.Groups.Where(g => g.SchoolId == group.SchoolId && g.SchoolYearStart == group.SchoolYearStart), m => m.GroupId, g => g.Id, (m, g) => m)
            .ToListAsync(ct);
        db.GroupMemberships.RemoveRange(sameYear.Where(m => m.GroupId != groupId));
        if (sameYear.All(m => m.GroupId != groupId))
            db.GroupMemberships.Add(new GroupMembership { LearnerId = learnerId, Id = Guid.CreateVersion7(), GroupId = groupId });
        await db.SaveChangesAsync(ct);
    }
}
