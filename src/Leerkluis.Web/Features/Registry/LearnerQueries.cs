using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry;

public sealed record LearnerSearch(string? Q = null, Guid? GroupId = null, int? YearGroup = null, bool? IdentityIncomplete = null,
    bool IncludeFormer = false, int Page = 1, int PageSize = 50);

public sealed record LearnerRow(Guid Id, string Name, string LastName, DateOnly? BirthDate, string? PersonalNumber, bool IdentityIncomplete,
    string? GroupName, bool Active);

public sealed record LearnerPage(IReadOnlyList<LearnerRow> Rows, int Total, int Page, int PageSize);

public sealed record GuardianView(Guid Id, string Name, string? Email, string? Phone, string Address, bool HasAuthority, GuardianRelation Relation);
public sealed record EnrolmentView(Guid Id, Guid SchoolId, string SchoolName, string SchoolCode, DateOnly StartDate, DateOnly? EndDate,
    string? StartReason, string? EndReason, bool Active);
public sealed record GroupView(Guid Id, string Name, int SchoolYearStart, IReadOnlyList<int> YearGroups);

/// <summary>The learner card: what the actor may see of one learner, each section read audited.</summary>
public sealed record LearnerCard(
    Guid Id, string FirstNames, string? CallName, string? Prefix, string LastName, string DisplayName, DateOnly? BirthDate, Gender Gender,
    string? PersonalNumber, PersonalNumberKind? PersonalNumberKind, string? PersonalNumberLastFour, bool IdentityIncomplete,
    Address Address, IReadOnlyList<GuardianView>? Guardians, IReadOnlyList<EnrolmentView>? Enrolments, IReadOnlyList<GroupView>? Groups,
    bool CanEdit);

public sealed record ChildSummary(Guid Id, string Name, DateOnly? BirthDate, string? SchoolName, string? GroupName);

public sealed class LearnerQueries(LeerkluisDb db, DossierGuard guard, CurrentActor current, TimeProvider clock)
{
    /// <summary>Search within the actor's school: admins and care coordinators see all enrolled learners, teachers their groups.</summary>
    public async Task<LearnerPage> SearchAsync(LearnerSearch s, CancellationToken ct = default)
    {
        var actor = current.Value;
        if (!actor.IsStaff || actor.SchoolId is not { } schoolId) throw new NotFoundException();
        var today = Amsterdam.Today(clock);
        var year = SchoolYear.Containing(today).StartYear;
        var pageSize = Math.Clamp(s.PageSize, 1, 200);
        var page = Math.Max(1, s.Page);

        var enrolments = db.Enrolments.Where(e => e.SchoolId == schoolId && e.StartDate <= today);
        if (!s.IncludeFormer) enrolments = enrolments.Where(e => e.EndDate == null || e.EndDate >= today);
        var learners = db.Learners.Where(l => enrolments.Any(e => e.LearnerId == l.Id));

        var schoolGroups = db.Groups.Where(g => g.SchoolId == schoolId && g.SchoolYearStart == year);
        if (actor.Role == Roles.Teacher)
        {
            var mine = schoolGroups.Where(g => db.Set<StaffGroup>().Any(sg => sg.GroupId == g.Id && sg.StaffId == actor.StaffId)).Select(g => g.Id);
            learners = learners.Where(l => db.Set<GroupMembership>().Any(m => m.LearnerId == l.Id && mine.Contains(m.GroupId)));
        }
        if (s.GroupId is { } gid) learners = learners.Where(l => db.Set<GroupMembership>().Any(m => m.LearnerId == l.Id && m.GroupId == gid));
        if (s.YearGroup is { } yg)
        {
            var groupsOfYear = (await schoolGroups.Select(g => new { g.Id, g.YearGroups }).ToListAsync(ct))
                .Where(g => g.YearGroups.Contains(yg)).Select(g => g.Id).ToList();
            learners = learners.Where(l => db.Set<GroupMembership>().Any(m => m.LearnerId == l.Id && groupsOfYear.Contains(m.GroupId)));
        }
        if (s.IdentityIncomplete is { } inc) learners = learners.Where(l => (l.PersonalNumber == null) == inc);
        if (!string.IsNullOrWhiteSpace(s.Q))
        {
            var q = s.Q.Trim();
            var digits = q.Replace(" ", "");
            if (digits.Length >= 4 && digits.All(char.IsAsciiDigit) && actor.Role != Roles.Teacher)
            {
                // Separate predicates so each uses its own index (an OR of the two makes PostgreSQL scan every learner).
                learners = digits.Length == 9
                    ? learners.Where(l => l.PersonalNumber == digits)
                    : learners.Where(l => l.PersonalNumberLastFour == digits);
            }
            else
            {
                var lowered = q.ToLowerInvariant();
                var like = $"%{lowered}%";
                var groupsNamed = schoolGroups.Where(g => g.Name.ToLower() == lowered).Select(g => g.Id);
                learners = learners.Where(l => EF.Functions.Like(l.LastName.ToLower(), like) || EF.Functions.Like(l.FirstNames.ToLower(), like)
                    || (l.CallName != null && EF.Functions.Like(l.CallName.ToLower(), like))
                    || db.Set<GroupMembership>().Any(m => m.LearnerId == l.Id && groupsNamed.Contains(m.GroupId)));
            }
        }

        var total = await learners.CountAsync(ct);
        var rows = await learners.OrderBy(l => l.LastName).ThenBy(l => l.FirstNames).ThenBy(l => l.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(l => new
            {
                l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName, l.BirthDate, l.PersonalNumber,
                Group = db.Set<GroupMembership>().Where(m => m.LearnerId == l.Id)
                    .Join(schoolGroups, m => m.GroupId, g => g.Id, (m, g) => g.Name).FirstOrDefault(),
                Active = db.Set<Enrolment>().Any(e => e.LearnerId == l.Id && e.SchoolId == schoolId && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today)),
            })
            .ToListAsync(ct);
        var showNumber = actor.Role is Roles.SchoolAdmin or Roles.CareCoordinator;
        return new LearnerPage(rows.Select(r => new LearnerRow(r.Id, PersonName.Format(r.CallName ?? r.FirstNames, r.Prefix, r.LastName), r.LastName,
            r.BirthDate, showNumber ? r.PersonalNumber : null, r.PersonalNumber is null, r.Group, r.Active)).ToList(), total, page, pageSize);
    }

    public async Task<LearnerCard> CardAsync(Guid learnerId, CancellationToken ct = default)
    {
        var decision = await guard.RequireAsync(learnerId, Section.Personalia, Operation.Read, AuditEvent.Registry_LearnerCard, ct);
        var l = await db.Learners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == learnerId, ct) ?? throw new NotFoundException();

        var showNumber = (await guard.PeekAsync(learnerId, Section.PersonalNumber, Operation.Read, ct)).Allowed;
        if (showNumber) await guard.RequireAsync(learnerId, Section.PersonalNumber, Operation.Read, AuditEvent.Registry_LearnerCard, ct);

        IReadOnlyList<GuardianView>? guardians = null;
        if ((await guard.PeekAsync(learnerId, Section.Family, Operation.Read, ct)).Allowed)
        {
            await guard.RequireAsync(learnerId, Section.Family, Operation.Read, AuditEvent.Registry_LearnerCard, ct);
            var list = await db.LearnerGuardians.AsNoTracking().Where(lg => lg.LearnerId == learnerId)
                .Join(db.Guardians, lg => lg.GuardianId, g => g.Id, (lg, g) => new { lg.HasAuthority, lg.Relation, Guardian = g })
                .ToListAsync(ct);
            guardians = list.Select(x => new GuardianView(x.Guardian.Id, x.Guardian.FullName, x.Guardian.Email, x.Guardian.Phone,
                x.Guardian.Address.ToString(), x.HasAuthority, x.Relation)).ToList();
        }

        var today = Amsterdam.Today(clock);
        IReadOnlyList<EnrolmentView>? enrolments = null;
        if ((await guard.PeekAsync(learnerId, Section.Enrolment, Operation.Read, ct)).Allowed)
        {
            await guard.RequireAsync(learnerId, Section.Enrolment, Operation.Read, AuditEvent.Registry_LearnerCard, ct);
            var list = await db.Enrolments.AsNoTracking().Where(e => e.LearnerId == learnerId)
                .Join(db.Schools, e => e.SchoolId, s => s.Id, (e, s) => new { e, s.Name, s.Brin, s.LocationCode })
                .ToListAsync(ct);
            enrolments = list.OrderByDescending(x => x.e.StartDate)
                .Select(x => new EnrolmentView(x.e.Id, x.e.SchoolId, x.Name, x.Brin + x.LocationCode, x.e.StartDate, x.e.EndDate, x.e.StartReason, x.e.EndReason, x.e.IsActiveOn(today)))
                .ToList();
        }

        IReadOnlyList<GroupView>? groups = null;
        if ((await guard.PeekAsync(learnerId, Section.Group, Operation.Read, ct)).Allowed)
        {
            await guard.RequireAsync(learnerId, Section.Group, Operation.Read, AuditEvent.Registry_LearnerCard, ct);
            var list = await db.GroupMemberships.AsNoTracking().Where(m => m.LearnerId == learnerId)
                .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g).ToListAsync(ct);
            groups = list.OrderByDescending(g => g.SchoolYearStart).Select(g => new GroupView(g.Id, g.Name, g.SchoolYearStart, g.YearGroups)).ToList();
        }
        await guard.CommitReadsAsync(ct);

        return new LearnerCard(l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName, l.DisplayName, l.BirthDate, l.Gender,
            showNumber ? l.PersonalNumber : null, showNumber ? l.PersonalNumberKind : null, showNumber ? l.PersonalNumberLastFour : null,
            l.IdentityIncomplete, l.Address, guardians, enrolments, groups, decision.Relation == Relation.SchoolAdmin);
    }

    /// <summary>The guardian's home page: their children (with authority), where they go to school.</summary>
    public async Task<IReadOnlyList<ChildSummary>> MyChildrenAsync(CancellationToken ct = default)
    {
        var actor = current.Value;
        if (actor.GuardianId is not { } guardianId) return [];
        var today = Amsterdam.Today(clock);
        var year = SchoolYear.Containing(today).StartYear;
        var children = await db.LearnerGuardians.AsNoTracking().Where(lg => lg.GuardianId == guardianId && lg.HasAuthority)
            .Join(db.Learners, lg => lg.LearnerId, l => l.Id, (lg, l) => l)
            .Select(l => new
            {
                l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName, l.BirthDate,
                School = db.Set<Enrolment>().Where(e => e.LearnerId == l.Id && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
                    .Join(db.Set<School>(), e => e.SchoolId, s => s.Id, (e, s) => s.Name).FirstOrDefault(),
                Group = db.Set<GroupMembership>().Where(m => m.LearnerId == l.Id)
                    .Join(db.Set<Group>().Where(g => g.SchoolYearStart == year), m => m.GroupId, g => g.Id, (m, g) => g.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // Only children the access decision lets this guardian see (e.g. not an adult child).
        var result = new List<ChildSummary>();
        foreach (var c in children.OrderBy(c => c.BirthDate))
        {
            if (!(await guard.PeekAsync(c.Id, Section.Personalia, Operation.Read, ct)).Allowed) continue;
            result.Add(new ChildSummary(c.Id, PersonName.Format(c.CallName ?? c.FirstNames, c.Prefix, c.LastName), c.BirthDate, c.School, c.Group));
        }
        return result;
    }
}
