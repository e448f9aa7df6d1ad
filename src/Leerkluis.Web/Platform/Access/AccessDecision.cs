using Leerkluis.Web.Platform.Data;
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
/// </summary>
public sealed class AccessDecision(LeerkluisDb db, TimeProvider clock)
{
    public async Task<Decision> DecideAsync(Actor actor, Guid learnerId, Section section, Operation operation,
        CancellationToken ct = default)
    {
        if (actor.UserId is null || actor.Role == Roles.PlatformAdmin) return Decision.Deny;
        var today = Amsterdam.Today(clock);
        var relation = await RelationAsync(actor, learnerId, today, ct);
        if (relation is not { } r) return Decision.Deny;
        var grant = AccessMatrix.GrantFor(r, section);
        if (!AccessMatrix.Allows(grant, operation)) return Decision.Deny;
        var basis = r switch
        {
            Relation.Self => Basis.Self,
            Relation.Guardian => Basis.Guardian,
            _ => Basis.Enrolment,
        };
        return new Decision(true, basis, r);
    }

    // The relation is looked up once per request (this service is scoped): a learner card asks about five sections.
    private readonly Dictionary<(Actor, Guid, DateOnly), Relation?> _relations = new();

    /// <summary>How the actor relates to the learner today, if at all.</summary>
    public async Task<Relation?> RelationAsync(Actor actor, Guid learnerId, DateOnly today, CancellationToken ct = default)
    {
        if (_relations.TryGetValue((actor, learnerId, today), out var known)) return known;
        var found = await FindRelationAsync(actor, learnerId, today, ct);
        _relations[(actor, learnerId, today)] = found;
        return found;
    }

    private async Task<Relation?> FindRelationAsync(Actor actor, Guid learnerId, DateOnly today, CancellationToken ct)
    {
        if (actor.LearnerId == learnerId && actor.Role == Roles.Learner) return Relation.Self;

        if (actor.Role == Roles.Guardian && actor.GuardianId is { } guardianId)
        {
            var link = await db.LearnerGuardians.AsNoTracking()
                .Where(lg => lg.LearnerId == learnerId && lg.GuardianId == guardianId && lg.HasAuthority)
                .Join(db.Learners, lg => lg.LearnerId, l => l.Id, (lg, l) => new { l.BirthDate })
                .FirstOrDefaultAsync(ct);
            if (link is null) return null;
            // From 18 the learner decides; until the consent slice lets them share, the guardian sees nothing.
            if (link.BirthDate is { } born && Age.On(born, today) >= 18) return null;
            return Relation.Guardian;
        }

        if (actor.IsStaff && actor.SchoolId is { } schoolId)
        {
            var enrolled = await db.Enrolments.AsNoTracking().AnyAsync(e => e.LearnerId == learnerId && e.SchoolId == schoolId
                && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today), ct);
            if (!enrolled) return null;
            switch (actor.Role)
            {
                case Roles.SchoolAdmin: return Relation.SchoolAdmin;
                case Roles.CareCoordinator: return Relation.CareCoordinator;
                case Roles.Teacher when actor.StaffId is { } staffId:
                    var year = SchoolYear.Containing(today).StartYear;
                    var teaches = await db.GroupMemberships.AsNoTracking()
                        .Where(m => m.LearnerId == learnerId)
                        .Join(db.Groups.Where(g => g.SchoolYearStart == year && g.SchoolId == schoolId), m => m.GroupId, g => g.Id, (m, g) => g.Id)
                        .Join(db.StaffGroups.Where(sg => sg.StaffId == staffId), g => g, sg => sg.GroupId, (g, sg) => g)
                        .AnyAsync(ct);
                    return teaches ? Relation.Teacher : null;
            }
        }
        return null;
    }
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
