namespace Leerkluis.Web.Platform.Access;

/// <summary>
/// The facts about an actor's relation to a learner that <see cref="AccessDecision"/> turns into Allow or Deny. The kernel
/// asks the question; the capability that owns the data (Registry) answers it and registers the answer, so the kernel
/// names no feature type (ADR 0011). Answers are plain queries: nothing is cached across requests.
/// </summary>
public interface ILearnerRelations
{
    Task<bool> LearnerExistsAsync(Guid learnerId, CancellationToken ct);

    /// <summary>The learner's birth date if the guardian has parental authority over the learner; null when there is no such link.</summary>
    Task<GuardianLink?> GuardianLinkAsync(Guid guardianId, Guid learnerId, CancellationToken ct);

    Task<string?> HomeMunicipalityAsync(Guid learnerId, CancellationToken ct);

    Task<DateOnly?> BirthDateAsync(Guid learnerId, CancellationToken ct);

    /// <summary>Whether the learner has an enrolment at the school that is active on the day.</summary>
    Task<bool> IsEnrolledAsync(Guid learnerId, Guid schoolId, DateOnly day, CancellationToken ct);

    /// <summary>Whether the staff member teaches a group of that school and school year that the learner is in.</summary>
    Task<bool> TeachesAsync(Guid staffId, Guid learnerId, Guid schoolId, int schoolYearStart, CancellationToken ct);

    /// <summary>
    /// A composable query (not yet run) of the learners of a group that the staff actor may open on the day, whose
    /// enrolment at the actor's school is active that day: the roll call builds on it and stays one SQL statement.
    /// </summary>
    IQueryable<Guid> GroupLearners(Actor actor, Guid groupId, DateOnly day);
}

public sealed record GuardianLink(DateOnly? BirthDate);

/// <summary>The sections that live consents open to an organisation or a guardian on a day; answered by the Vault's consent part.</summary>
public interface IConsentGrants
{
    Task<IReadOnlyCollection<Section>> GrantedSectionsAsync(Guid learnerId, Guid? organisationId, Guid? guardianId, DateOnly day,
        CancellationToken ct);
}

/// <summary>
/// The answer of a host without the Vault (the Edexml command line): nobody holds a consent, so consent opens nothing.
/// Fails closed; the web host registers the Vault's answer, which replaces this one.
/// </summary>
internal sealed class NoConsentGrants : IConsentGrants
{
    public Task<IReadOnlyCollection<Section>> GrantedSectionsAsync(Guid learnerId, Guid? organisationId, Guid? guardianId, DateOnly day,
        CancellationToken ct) => Task.FromResult<IReadOnlyCollection<Section>>([]);
}
