using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry;

/// <summary>
/// The registry's answers to the kernel's access questions (<see cref="ILearnerRelations"/>, <see cref="IClaimLinks"/>):
/// guardianship, home municipality, enrolment and teaching, read from the registry's own tables. Also the one definition
/// of the groups a staff member may open, which the group pages use too.
/// </summary>
public sealed class LearnerRelations(LeerkluisDb db, TimeProvider clock) : ILearnerRelations, IClaimLinks
{
    public Task<bool> LearnerExistsAsync(Guid learnerId, CancellationToken ct) => db.Learners.AnyAsync(l => l.Id == learnerId, ct);

    public async Task<GuardianLink?> GuardianLinkAsync(Guid guardianId, Guid learnerId, CancellationToken ct)
    {
        var learners = db.Learners;
        var link = await db.LearnerGuardians.AsNoTracking()
            .Where(lg => lg.LearnerId == learnerId && lg.GuardianId == guardianId && lg.HasAuthority)
            .Join(learners, lg => lg.LearnerId, l => l.Id, (lg, l) => new { l.BirthDate })
            .FirstOrDefaultAsync(ct);
        return link is null ? null : new GuardianLink(link.BirthDate);
    }

    public Task<string?> HomeMunicipalityAsync(Guid learnerId, CancellationToken ct) =>
        db.Learners.AsNoTracking().Where(l => l.Id == learnerId).Select(l => l.Address.MunicipalityCode).FirstOrDefaultAsync(ct);

    public Task<DateOnly?> BirthDateAsync(Guid learnerId, CancellationToken ct) =>
        db.Learners.AsNoTracking().Where(l => l.Id == learnerId).Select(l => l.BirthDate).FirstOrDefaultAsync(ct);

    public Task<bool> IsEnrolledAsync(Guid learnerId, Guid schoolId, DateOnly day, CancellationToken ct) =>
        db.Enrolments.AsNoTracking().AnyAsync(e => e.LearnerId == learnerId && e.SchoolId == schoolId
            && e.StartDate <= day && (e.EndDate == null || e.EndDate >= day), ct);

    public Task<bool> TeachesAsync(Guid staffId, Guid learnerId, Guid schoolId, int schoolYearStart, CancellationToken ct) =>
        db.GroupMemberships.AsNoTracking()
            .Where(m => m.LearnerId == learnerId)
            .Join(db.Groups.Where(g => g.SchoolYearStart == schoolYearStart && g.SchoolId == schoolId), m => m.GroupId, g => g.Id, (m, g) => g.Id)
            .Join(db.StaffGroups.Where(sg => sg.StaffId == staffId), g => g, sg => sg.GroupId, (g, sg) => g)
            .AnyAsync(ct);

    public IQueryable<Guid> GroupLearners(Actor actor, Guid groupId, DateOnly day)
    {
        if (actor.SchoolId is not { } schoolId) return db.GroupMemberships.Where(_ => false).Select(m => m.LearnerId);
        var group = GroupsOf(actor).Where(g => g.Id == groupId);
        var enrolments = db.Enrolments;
        return db.GroupMemberships.AsNoTracking()
            .Where(m => group.Any(g => g.Id == m.GroupId))
            .Where(m => enrolments.Any(e => e.LearnerId == m.LearnerId && e.SchoolId == schoolId
                && e.StartDate <= day && (e.EndDate == null || e.EndDate >= day)))
            .Select(m => m.LearnerId).Distinct();
    }

    /// <summary>
    /// The groups of this school year a staff member may open: a teacher the groups they teach, an admin or care
    /// coordinator every group of their school; nothing for anyone else.
    /// </summary>
    public IQueryable<Group> GroupsOf(Actor actor)
    {
        if (!actor.IsStaff || actor.SchoolId is not { } schoolId) return db.Groups.Where(_ => false);
        var year = SchoolYear.Containing(Amsterdam.Today(clock)).StartYear;
        var groups = db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearStart == year);
        var staffGroups = db.StaffGroups;
        return actor.Role switch
        {
            Roles.SchoolAdmin or Roles.CareCoordinator => groups,
            Roles.Teacher when actor.StaffId is { } staffId => groups.Where(g => staffGroups.Any(sg => sg.GroupId == g.Id && sg.StaffId == staffId)),
            _ => db.Groups.Where(_ => false),
        };
    }

    public Task<Guid?> SchoolOfStaffAsync(Guid staffId, CancellationToken ct) =>
        db.Staff.Where(s => s.Id == staffId).Select(s => (Guid?)s.SchoolId).FirstOrDefaultAsync(ct);

    public Task<string?> MunicipalityOfOrganisationAsync(Guid organisationId, CancellationToken ct) =>
        db.Organisations.Where(o => o.Id == organisationId).Select(o => o.MunicipalityCode).FirstOrDefaultAsync(ct);
}
