using Leerkluis.Web.Features.Registry.Enrolments;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry;

/// <summary>The personalia an import may set, compared and applied as a whole.</summary>
public sealed record LearnerPersonalia(
    string FirstNames, string? CallName, string? Prefix, string LastName, DateOnly? BirthDate, Gender Gender, string? PostalCode,
    string? PersonalNumber, PersonalNumberKind? Kind, string? LastFour)
{
    public static LearnerPersonalia Of(Learner l) => new(l.FirstNames, l.CallName, l.Prefix, l.LastName, l.BirthDate, l.Gender,
        l.Address.PostalCode, l.PersonalNumber, l.PersonalNumberKind, l.PersonalNumberLastFour);

    internal void ApplyTo(Learner l)
    {
        l.FirstNames = FirstNames; l.CallName = CallName; l.Prefix = Prefix; l.LastName = LastName; l.BirthDate = BirthDate;
        l.Gender = Gender; l.Address.PostalCode = PostalCode; l.PersonalNumber = PersonalNumber; l.PersonalNumberKind = Kind;
        l.PersonalNumberLastFour = LastFour;
    }

    /// <summary>Names of the fields that differ (for a preview; never the values).</summary>
    public IEnumerable<string> Differences(LearnerPersonalia other)
    {
        if (FirstNames != other.FirstNames) yield return "voornamen";
        if (CallName != other.CallName) yield return "roepnaam";
        if (Prefix != other.Prefix) yield return "voorvoegsel";
        if (LastName != other.LastName) yield return "achternaam";
        if (BirthDate != other.BirthDate) yield return "geboortedatum";
        if (Gender != other.Gender) yield return "geslacht";
        if (PostalCode != other.PostalCode) yield return "postcode";
        if (PersonalNumber != other.PersonalNumber || Kind != other.Kind) yield return "persoonsgebonden nummer";
        if (LastFour != other.LastFour) yield return "laatste vier cijfers";
    }
}

/// <summary>A main enrolment as an import knows it: period, year group, the source system's key.</summary>
public sealed record EnrolmentPeriod(DateOnly StartDate, DateOnly? EndDate, int? YearGroup, string? ExternalKey);

/// <summary>A new learner with their first enrolment and groups; the caller chooses the id (a preview shows it).</summary>
public sealed record LearnerRegistration(Guid LearnerId, LearnerPersonalia Personalia, EnrolmentPeriod Enrolment, IReadOnlyCollection<Guid> GroupIds);

/// <summary>
/// Changes to a known learner: personalia (null: unchanged), the enrolment at the school (null: unchanged; a new one when
/// <paramref name="Existing"/> is null), and group memberships to end and to start.
/// </summary>
public sealed record LearnerUpdate(
    Learner Learner, LearnerPersonalia? Personalia, Enrolment? Existing, EnrolmentPeriod? Enrolment,
    IReadOnlyCollection<GroupMembership> LeaveGroups, IReadOnlyCollection<Guid> JoinGroups);

/// <summary>The batch was refused by a Registry rule: per learner id, why. Nothing of the batch was added.</summary>
public sealed class RegistryBatchRefusedException(IReadOnlyDictionary<Guid, string> refusals)
    : Exception("De registratie is geweigerd: " + string.Join(" ", refusals.Values.Distinct()))
{
    public IReadOnlyDictionary<Guid, string> Refusals { get; } = refusals;
}

/// <summary>
/// The batch form of Registry's commands, for imports: register learners, complete personalia, enrol and place in
/// groups under the same rules as <see cref="RegisterLearner"/> (one learner per number, <see cref="NumberClaimRule"/>)
/// and <see cref="EnrolmentCommands"/> (<see cref="EnrolmentRules"/>). It reads per chunk, so a 1,000-learner file
/// costs a few queries, not thousands, and it adds to the caller's unit of work: the caller saves and commits once,
/// so a batch is all or nothing. Each learner's entries go through the guard as the current actor's registry work at <c>schoolId</c>.
/// </summary>
public sealed class RegistryBatch(LeerkluisDb db, DossierGuard guard, TimeProvider clock)
{
    private const int ChunkSize = 500;

    /// <summary>Which of these numbers are claimed, and by whom.</summary>
    public async Task<Dictionary<string, Guid>> ClaimsAsync(IEnumerable<string> numbers, CancellationToken ct)
    {
        var claims = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Distinct().Chunk(ChunkSize))
            foreach (var c in await db.PersonalNumberClaims.AsNoTracking().Where(c => chunk.Contains(c.PersonalNumber)).ToListAsync(ct))
                claims[c.PersonalNumber] = c.LearnerId;
        return claims;
    }

    /// <exception cref="RegistryBatchRefusedException">A number is taken or wanted twice; nothing was added.</exception>
    public async Task RegisterAsync(Guid schoolId, IReadOnlyList<LearnerRegistration> batch, AuditEvent auditAction, string startReason,
        string endReason, CancellationToken ct)
    {
        var wanted = batch.Select(r => r.Personalia.PersonalNumber is { } n ? (r.LearnerId, n) : ((Guid, string)?)null).ToList();
        await RequireNumbersFreeAsync(wanted, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in batch)
        {
            var learner = new Learner { Id = r.LearnerId, FirstNames = "", LastName = "", CreatedUtc = now };
            r.Personalia.ApplyTo(learner);
            db.Learners.Add(learner);
            if (r.Personalia.PersonalNumber is { } number)
                db.PersonalNumberClaims.Add(new PersonalNumberClaim { PersonalNumber = number, LearnerId = r.LearnerId });
            AddEnrolment(r.LearnerId, schoolId, r.Enrolment, startReason, endReason);
            foreach (var groupId in r.GroupIds)
                db.GroupMemberships.Add(new GroupMembership { LearnerId = r.LearnerId, Id = Guid.CreateVersion7(), GroupId = groupId });
            await guard.RequireAtSchoolAsync(schoolId, r.LearnerId, Section.Personalia, Operation.Write, auditAction, ct);
            await guard.RequireAtSchoolAsync(schoolId, r.LearnerId, Section.Enrolment, Operation.Write, auditAction, ct);
        }
    }

    /// <summary>Applies changes to known (tracked) learners. A personal number an import brings may complete an identity, never replace one.</summary>
    /// <exception cref="RegistryBatchRefusedException">A rule refuses a change; nothing was added.</exception>
    public async Task UpdateAsync(Guid schoolId, IReadOnlyList<LearnerUpdate> batch, AuditEvent auditAction, string startReason,
        string endReason, CancellationToken ct)
    {
        var refusals = new Dictionary<Guid, string>();
        var newNumbers = batch.Select(u => u.Personalia?.PersonalNumber is { } n && n != u.Learner.PersonalNumber ? (u.Learner.Id, n) : ((Guid, string)?)null).ToList();
        foreach (var u in batch.Where(u => u.Learner.PersonalNumber is not null && u.Personalia is not null && u.Personalia.PersonalNumber != u.Learner.PersonalNumber))
            refusals[u.Learner.Id] = "Een bekend persoonsgebonden nummer wordt niet via een import gewijzigd.";
        var claims = await ClaimsAsync(newNumbers.Where(w => w is not null).Select(w => w!.Value.Item2), ct);
        var numberRefusals = NumberClaimRule.Check(newNumbers, claims);
        for (var i = 0; i < batch.Count; i++)
            if (numberRefusals[i] is { } r) refusals[batch[i].Learner.Id] = r.Message;

        // One active main enrolment per learner: a new enrolment is checked against all of theirs, at any school.
        var enrolling = batch.Where(u => u.Existing is null && u.Enrolment is not null).Select(u => u.Learner.Id).ToList();
        var theirs = new List<Enrolment>();
        foreach (var chunk in enrolling.Chunk(ChunkSize))
            theirs.AddRange(await db.Enrolments.AsNoTracking().Where(e => chunk.Contains(e.LearnerId)).ToListAsync(ct));
        var byLearner = theirs.ToLookup(e => e.LearnerId);
        foreach (var u in batch.Where(u => u.Existing is null && u.Enrolment is not null))
            if (EnrolmentRules.CheckNew(byLearner[u.Learner.Id], schoolId, u.Enrolment!.StartDate, EnrolmentKind.Main) is { } refusal)
                refusals[u.Learner.Id] = refusal;
        if (refusals.Count > 0) throw new RegistryBatchRefusedException(refusals);

        for (var i = 0; i < batch.Count; i++)
        {
            var u = batch[i];
            var id = u.Learner.Id;
            if (u.Personalia is { } p)
            {
                p.ApplyTo(u.Learner);
                if (newNumbers[i] is { } claim) db.PersonalNumberClaims.Add(new PersonalNumberClaim { PersonalNumber = claim.Item2, LearnerId = id });
                await guard.RequireAtSchoolAsync(schoolId, id, Section.Personalia, Operation.Write, auditAction, ct);
            }
            if (u.Enrolment is { } d)
            {
                if (u.Existing is { } e)
                {
                    if (e.EndDate is null && d.EndDate is not null) e.EndReason = endReason;
                    e.StartDate = d.StartDate; e.EndDate = d.EndDate; e.YearGroup = d.YearGroup; e.ExternalKey = d.ExternalKey;
                }
                else AddEnrolment(id, schoolId, d, startReason, endReason);
            }
            db.GroupMemberships.RemoveRange(u.LeaveGroups);
            foreach (var groupId in u.JoinGroups)
                db.GroupMemberships.Add(new GroupMembership { LearnerId = id, Id = Guid.CreateVersion7(), GroupId = groupId });
            if (u.Enrolment is not null || u.LeaveGroups.Count + u.JoinGroups.Count > 0)
                await guard.RequireAtSchoolAsync(schoolId, id, Section.Enrolment, Operation.Write, auditAction, ct);
        }
    }

    private async Task RequireNumbersFreeAsync(List<(Guid LearnerId, string Number)?> wanted, CancellationToken ct)
    {
        var claims = await ClaimsAsync(wanted.Where(w => w is not null).Select(w => w!.Value.Number), ct);
        var refusals = NumberClaimRule.Check(wanted, claims);
        var refused = wanted.Select((w, i) => (w, r: refusals[i])).Where(x => x.r is not null)
            .ToDictionary(x => x.w!.Value.LearnerId, x => x.r!.Message);
        if (refused.Count > 0) throw new RegistryBatchRefusedException(refused);
    }

    private void AddEnrolment(Guid learnerId, Guid schoolId, EnrolmentPeriod d, string startReason, string endReason) =>
        db.Enrolments.Add(new Enrolment
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, Kind = EnrolmentKind.Main, StartDate = d.StartDate,
            EndDate = d.EndDate, EndReason = d.EndDate is null ? null : endReason, StartReason = startReason,
            ExternalKey = d.ExternalKey, YearGroup = d.YearGroup,
        });
}
