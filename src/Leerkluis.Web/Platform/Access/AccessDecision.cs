using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
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
/// The facts come from <see cref="ILearnerRelations"/> and <see cref="IConsentGrants"/>, answered by the capabilities
/// that own the data; the rules stay here (ADR 0011).
/// </summary>
public sealed class AccessDecision(ILearnerRelations relations, IConsentGrants consents, TimeProvider clock)
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
            if (await relations.GuardianLinkAsync(guardianId, learnerId, ct) is not { } link) return null;
            var age = link.BirthDate is { } born ? Age.On(born, today) : (int?)null;
            // From 18 the learner decides: the guardian sees only what the learner grants them (consent).
            return AgeRules.GuardianBasisHolds(age) ? new Found(Relation.Guardian, age) : null;
        }

        if (actor.Role == Roles.AttendanceOfficer && actor.MunicipalityCode is { } municipality)
        {
            // LegalDuty: the officer of the learner's home municipality, whatever school (or none) the learner attends.
            var home = await relations.HomeMunicipalityAsync(learnerId, ct);
            return home == municipality ? new Found(Relation.AttendanceOfficer) : null;
        }

        if (actor.IsStaff && actor.SchoolId is { } schoolId)
        {
            if (!await relations.IsEnrolledAsync(learnerId, schoolId, today, ct)) return null;
            switch (actor.Role)
            {
                case Roles.SchoolAdmin: return new Found(Relation.SchoolAdmin);
                case Roles.CareCoordinator: return new Found(Relation.CareCoordinator);
                case Roles.Teacher when actor.StaffId is { } staffId:
                    var year = SchoolYear.Containing(today).StartYear;
                    return await relations.TeachesAsync(staffId, learnerId, schoolId, year, ct) ? new Found(Relation.Teacher) : null;
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
        if (relation is null || actor.UserId is null || actor.SchoolId is null) return [];
        var today = Amsterdam.Today(clock);
        var rows = await shape(relations.GroupLearners(actor, groupId, today)).ToListAsync(ct);
        foreach (var row in rows) _relations[(actor, learnerOf(row), today)] = new Found(relation.Value);
        return rows;
    }

    private async Task<bool> AllowsAsync(Found found, Guid learnerId, Section section, Operation operation, DateOnly today, CancellationToken ct)
    {
        if (!AccessMatrix.Allows(AccessMatrix.GrantFor(found.Relation, section), operation)) return false;
        if (section != Section.Consent || operation != Operation.Write) return true;
        // Managing consent depends on the learner's age: under 16 the guardians, from 16 the learner.
        var age = found.Age;
        if (found.Relation == Relation.Self)
        {
            var born = await relations.BirthDateAsync(learnerId, ct);
            age = born is { } b ? Age.On(b, today) : null;
        }
        return AgeRules.MayManageConsent(found.Relation, age);
    }

    /// <summary>Sections named by the consents that are live today for this actor's organisation, or for this guardian.</summary>
    private async Task<HashSet<Section>> GrantedSectionsAsync(Actor actor, Guid learnerId, DateOnly today, CancellationToken ct) =>
        (await consents.GrantedSectionsAsync(learnerId, actor.OrganisationId, actor.OrganisationId is null ? actor.GuardianId : null, today, ct))
            .ToHashSet();

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
