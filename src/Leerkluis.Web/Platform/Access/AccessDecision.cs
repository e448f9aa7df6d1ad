using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Vault.Consent;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Platform.Access;

public sealed record Decision(bool Allowed, Basis Basis, Relation? Relation)
{
    public static readonly Decision Deny = new(false, Basis.None, null);
}

/// <summary>
/// The one access decision: (actor, learner, section, operation, time) → Allow(basis) | Deny.
/// Every dossier page and API call asks this service; nothing decides access on its own.
/// It caches nothing across requests (it is scoped to one), so an ended enrolment, an expired or revoked consent or a
/// passed birthday takes effect on the next request. Within a request the relation and the granted sections are looked
/// up once per actor and learner: a learner card asks for five sections. Cost: at most two small indexed queries.
/// </summary>
public sealed class AccessDecision(LeerkluisDb db, TimeProvider clock)
{
    private readonly Dictionary<(Actor, Guid, DateOnly), Found?> _relations = new();
    private readonly Dictionary<(Actor, Guid, DateOnly), HashSet<Section>> _granted = new();

    public async Task<Decision> DecideAsync(Actor actor, Guid learnerId, Section section, Operation operation,
        CancellationToken ct = default)
    {
        if (actor.UserId is null || actor.Role is null || AccessMatrix.NeverReadsDossiers.Contains(actor.Role)) return Decision.Deny;
        var today = Amsterdam.Today(clock);
        if (!_relations.TryGetValue((actor, learnerId, today), out var found))
            _relations[(actor, learnerId, today)] = found = await RelationAsync(actor, learnerId, today, ct);
        if (found is { } f && await AllowsAsync(f, learnerId, section, operation, today, ct))
            return new Decision(true, BasisOf(f.Relation), f.Relation);

        // Consent opens what no other relation does: for an organisation's staff, or a guardian of an adult learner.
        if (operation == Operation.Read && AccessMatrix.GrantFor(Relation.ConsentGrantee, section) == Grant.AsGranted
            && (actor.OrganisationId is not null || (actor.Role == Roles.Guardian && actor.GuardianId is not null && found is null)))
        {
            if (!_granted.TryGetValue((actor, learnerId, today), out var granted))
                _granted[(actor, learnerId, today)] = granted = await GrantedSectionsAsync(actor, learnerId, today, ct);
            if (granted.Contains(section)) return new Decision(true, Basis.Consent, Relation.ConsentGrantee);
        }
        return Decision.Deny;
    }

    /// <summary>
    /// A school's registry work on a learner it is enrolling in the same unit of work, or selected by its own enrolments
    /// (register, enrol an existing learner, an Edexml import or export): the school's admin, or a system actor as far as
    /// <see cref="SystemAccess"/> lets it. No relation can be looked up yet for a learner whose enrolment is not saved.
    /// </summary>
    public static Decision DecideAtSchool(Actor actor, Guid schoolId, Section section, Operation operation)
    {
        if (actor.SystemActor is { } who) return DecideForSystem(who, section, operation);
        if (actor.UserId is null || actor.Role != Roles.SchoolAdmin || actor.SchoolId != schoolId) return Decision.Deny;
        return AccessMatrix.Allows(AccessMatrix.GrantFor(Relation.SchoolAdmin, section), operation)
            ? new Decision(true, Basis.Enrolment, Relation.SchoolAdmin) : Decision.Deny;
    }

    /// <summary>
    /// An attendance officer's work on a leerplicht case of their own municipality (the case is the municipality's record,
    /// found by the case's municipality, not the learner's current address): LegalDuty, reading and writing the case.
    /// </summary>
    public static Decision DecideInMunicipality(Actor actor, string municipalityCode, Section section, Operation operation)
    {
        if (actor.UserId is null || actor.Role != Roles.AttendanceOfficer || string.IsNullOrEmpty(actor.MunicipalityCode)
            || actor.MunicipalityCode != municipalityCode || section != Section.Enrolment) return Decision.Deny;
        return new Decision(true, Basis.LegalDuty, Relation.AttendanceOfficer);
    }

    /// <summary>What a system actor (a rule, a job) may do, per <see cref="SystemAccess"/>.</summary>
    public static Decision DecideForSystem(SystemActor who, Section section, Operation operation) =>
        SystemAccess.BasisFor(who, section, operation) is { } basis ? new Decision(true, basis, null) : Decision.Deny;

    /// <summary>How the actor relates to the learner today (apart from consent), with the learner's age where it was needed.</summary>
    public sealed record Found(Relation Relation, int? Age = null);

    public async Task<Found?> RelationAsync(Actor actor, Guid learnerId, DateOnly today, CancellationToken ct = default)
    {
        if (actor.LearnerId == learnerId && actor.Role == Roles.Learner) return new Found(Relation.Self);

        if (actor.Role == Roles.Guardian && actor.GuardianId is { } guardianId)
        {
            var link = await db.LearnerGuardians.AsNoTracking()
                .Where(lg => lg.LearnerId == learnerId && lg.GuardianId == guardianId && lg.HasAuthority)
                .Join(db.Learners, lg => lg.LearnerId, l => l.Id, (lg, l) => new { l.BirthDate })
                .FirstOrDefaultAsync(ct);
            if (link is null) return null;
            var age = link.BirthDate is { } born ? Age.On(born, today) : (int?)null;
            // From 18 the learner decides: the guardian sees only what the learner grants them (consent).
            return AgeRules.GuardianBasisHolds(age) ? new Found(Relation.Guardian, age) : null;
        }

        if (actor.Role == Roles.AttendanceOfficer && actor.MunicipalityCode is { } municipality)
        {
            // LegalDuty: the officer of the learner's home municipality, whatever school (or none) the learner attends.
            var home = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId).Select(l => l.Address.MunicipalityCode).FirstOrDefaultAsync(ct);
            return home == municipality ? new Found(Relation.AttendanceOfficer) : null;
        }

        if (actor.IsStaff && actor.SchoolId is { } schoolId)
        {
            var enrolled = await db.Enrolments.AsNoTracking().AnyAsync(e => e.LearnerId == learnerId && e.SchoolId == schoolId
                && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today), ct);
            if (!enrolled) return null;
            switch (actor.Role)
            {
                case Roles.SchoolAdmin: return new Found(Relation.SchoolAdmin);
                case Roles.CareCoordinator: return new Found(Relation.CareCoordinator);
                case Roles.Teacher when actor.StaffId is { } staffId:
                    var year = SchoolYear.Containing(today).StartYear;
                    var teaches = await db.GroupMemberships.AsNoTracking()
                        .Where(m => m.LearnerId == learnerId)
                        .Join(db.Groups.Where(g => g.SchoolYearStart == year && g.SchoolId == schoolId), m => m.GroupId, g => g.Id, (m, g) => g.Id)
                        .Join(db.StaffGroups.Where(sg => sg.StaffId == staffId), g => g, sg => sg.GroupId, (g, sg) => g)
                        .AnyAsync(ct);
                    return teaches ? new Found(Relation.Teacher) : null;
            }
        }
        return null;
    }

    /// <summary>
    /// The learners of a group the actor may act on as staff today, their relation settled in one query and kept for
    /// this request: a roll call of 30 learners then asks <see cref="DecideAsync"/> 30 times without 30 round trips.
    /// A teacher gets the group only if they teach it this school year; admins and care coordinators any group of their
    /// school. Learners whose enrolment at the school is not active today are left out. Empty when nothing holds.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> PrimeGroupAsync(Actor actor, Guid groupId, CancellationToken ct = default) =>
        await PrimeGroupAsync(actor, groupId, ids => ids, id => id, ct);

    /// <summary>
    /// As <see cref="PrimeGroupAsync(Actor, Guid, CancellationToken)"/>, with what the caller needs about each learner in the
    /// same query: <paramref name="shape"/> gets the query of the learners the actor may act on and builds on it (names,
    /// the day's records, ...). One round trip for the roll call instead of one per kind of data. Only the learners in
    /// the answer are primed. The query reads without tracking: attach what is to be changed.
    /// </summary>
    public async Task<IReadOnlyList<T>> PrimeGroupAsync<T>(Actor actor, Guid groupId, Func<IQueryable<Guid>, IQueryable<T>> shape,
        Func<T, Guid> learnerOf, CancellationToken ct = default)
    {
        Relation? relation = actor.Role switch
        {
            Roles.SchoolAdmin => Relation.SchoolAdmin,
            Roles.CareCoordinator => Relation.CareCoordinator,
            Roles.Teacher => Relation.Teacher,
            _ => null,
        };
        if (relation is null || actor.UserId is null || actor.SchoolId is not { } schoolId) return [];
        var today = Amsterdam.Today(clock);
        var group = GroupsOf(actor).Where(g => g.Id == groupId);
        var learners = db.GroupMemberships.AsNoTracking()
            .Where(m => group.Any(g => g.Id == m.GroupId))
            .Where(m => db.Enrolments.Any(e => e.LearnerId == m.LearnerId && e.SchoolId == schoolId
                && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today)))
            .Select(m => m.LearnerId).Distinct();
        var rows = await shape(learners).ToListAsync(ct);
        foreach (var row in rows) _relations[(actor, learnerOf(row), today)] = new Found(relation.Value);
        return rows;
    }

    /// <summary>
    /// The groups of this school year a staff member may open: a teacher the groups they teach, an admin or care
    /// coordinator every group of their school; nothing for anyone else. The one definition the group pages use too.
    /// </summary>
    public IQueryable<Group> GroupsOf(Actor actor)
    {
        if (!actor.IsStaff || actor.SchoolId is not { } schoolId) return db.Groups.Where(_ => false);
        var year = SchoolYear.Containing(Amsterdam.Today(clock)).StartYear;
        var groups = db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearStart == year);
        return actor.Role switch
        {
            Roles.SchoolAdmin or Roles.CareCoordinator => groups,
            Roles.Teacher when actor.StaffId is { } staffId => groups.Where(g => db.StaffGroups.Any(sg => sg.GroupId == g.Id && sg.StaffId == staffId)),
            _ => db.Groups.Where(_ => false),
        };
    }

    private async Task<bool> AllowsAsync(Found found, Guid learnerId, Section section, Operation operation, DateOnly today, CancellationToken ct)
    {
        if (!AccessMatrix.Allows(AccessMatrix.GrantFor(found.Relation, section), operation)) return false;
        if (section != Section.Consent || operation != Operation.Write) return true;
        // Managing consent depends on the learner's age: under 16 the guardians, from 16 the learner.
        var age = found.Age;
        if (found.Relation == Relation.Self)
        {
            var born = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId).Select(l => l.BirthDate).FirstOrDefaultAsync(ct);
            age = born is { } b ? Age.On(b, today) : null;
        }
        return AgeRules.MayManageConsent(found.Relation, age);
    }

    /// <summary>Sections named by the consents that are live today for this actor's organisation, or for this guardian.</summary>
    private async Task<HashSet<Section>> GrantedSectionsAsync(Actor actor, Guid learnerId, DateOnly today, CancellationToken ct)
    {
        var consents = db.Set<Consent>().AsNoTracking().Where(c => c.LearnerId == learnerId && c.RevokedUtc == null && c.ValidUntil >= today);
        consents = actor.OrganisationId is { } orgId
            ? consents.Where(c => c.OrganisationId == orgId)
            : consents.Where(c => c.GuardianId == actor.GuardianId);
        var lists = await consents.Select(c => c.Sections).ToListAsync(ct);
        return lists.SelectMany(s => s).ToHashSet();
    }

    private static Basis BasisOf(Relation relation) => relation switch
    {
        Relation.Self => Basis.Self,
        Relation.Guardian => Basis.Guardian,
        Relation.AttendanceOfficer => Basis.LegalDuty,
        Relation.ConsentGrantee => Basis.Consent,
        Relation.ReceivingSchool => Basis.Transfer,
        _ => Basis.Enrolment,
    };
}

public static class Age
{
    /// <summary>Age in whole years on a day (a 29 February birthday counts on 28 February in other years).</summary>
    public static int On(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        if (day < AddYearsSafe(birth, age)) age--;
        return age;
    }

    private static DateOnly AddYearsSafe(DateOnly d, int years) =>
        d.Month == 2 && d.Day == 29 && !DateTime.IsLeapYear(d.Year + years) ? new DateOnly(d.Year + years, 2, 28) : d.AddYears(years);
}
