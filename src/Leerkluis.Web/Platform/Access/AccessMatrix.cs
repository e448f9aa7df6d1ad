using Leerkluis.Web.Platform.Identity;

namespace Leerkluis.Web.Platform.Access;

/// <summary>
/// What a relation allows on a section. Portal: only what the school opened in the portal.
/// AsGranted: read, only the sections a live consent names (never write).
/// </summary>
public enum Grant { None, Read, ReadWrite, ReadOwnWrite, Portal, AsGranted }

/// <summary>
/// The columns of ACCESS.md: how an actor relates to a learner. AttendanceOfficer is the LegalDuty basis (home
/// municipality), ConsentGrantee the Consent basis (an organisation's staff, or a guardian the adult learner
/// granted), ReceivingSchool the Transfer basis (derived once the transfer slice records pending transfers).
/// </summary>
public enum Relation { Self, Guardian, Teacher, CareCoordinator, SchoolAdmin, AttendanceOfficer, ConsentGrantee, ReceivingSchool }

/// <summary>
/// The matrix of shared/ACCESS.md, in one place. Each cell is a test row (AccessDecisionTests).
/// Portal cells deny until the portal slice exists and opens them.
/// </summary>
public static class AccessMatrix
{
    private const Grant N = Grant.None, R = Grant.Read, RW = Grant.ReadWrite, ROW = Grant.ReadOwnWrite, P = Grant.Portal, G = Grant.AsGranted;

    private static readonly Dictionary<Section, Grant[]> Cells = new()
    {
        //                              Self Guard Teach Care Admin Officer Consent Receiving
        [Section.Personalia] =        [R,   R,    R,    R,   RW,   R,      G,      R],
        // The PGN never goes to a consent grantee: a samenwerkingsverband may not use it (ACCESS.md "– (never)").
        [Section.PersonalNumber] =    [R,   R,    N,    R,   RW,   R,      N,      R],
        [Section.Family] =            [R,   R,    R,    R,   RW,   R,      G,      R],
        [Section.Enrolment] =         [R,   R,    R,    R,   RW,   R,      N,      R],
        // Officer "own" write: deciding art. 14 leave over 10 school days (Leerplichtwet art. 14 lid 3); the use case narrows it.
        [Section.Absence] =           [R,   ROW,  RW,   R,   RW,   ROW,    G,      R],
        [Section.Medical] =           [R,   RW,   R,    R,   N,    N,      G,      R],
        [Section.Invoices] =          [N,   R,    N,    N,   RW,   N,      N,      N],
        [Section.Group] =             [R,   R,    R,    R,   RW,   N,      N,      N],
        [Section.Schedule] =          [R,   R,    R,    R,   RW,   N,      N,      N],
        [Section.Plans] =             [P,   P,    R,    RW,  N,    N,      G,      R],
        [Section.Reports] =           [P,   P,    RW,   R,   R,    N,      G,      R],
        [Section.MethodTests] =       [P,   P,    RW,   R,   N,    N,      G,      R],
        [Section.StandardizedTests] = [P,   P,    RW,   R,   N,    N,      G,      R],
        [Section.Notes] =             [P,   P,    RW,   RW,  N,    N,      N,      N],
        [Section.CareNotes] =         [N,   P,    R,    RW,  N,    N,      G,      N],
        [Section.TransferDossier] =   [R,   R,    N,    RW,  R,    N,      N,      R],
        // Documents is not in ACCESS.md; chosen like TransferDossier, with the school able to file documents.
        [Section.Documents] =         [R,   R,    N,    RW,  RW,   N,      N,      N],
        // The audit trail is read through its own rules (own part, own actions, school's trail).
        [Section.AuditTrail] =        [R,   R,    N,    N,   R,    N,      N,      N],
        // Consents: the learner and the guardians read them; who may write is narrowed by age (AgeRules).
        [Section.Consent] =           [RW,  RW,   N,    N,   N,    N,      N,      N],
    };

    /// <summary>
    /// Roles that never open a single learner's dossier: the platform admin (accounts only), the inspectorate and
    /// boards (Aggregate basis: counts from analytics, never a dossier), and the careers desk roles (no learners).
    /// </summary>
    public static readonly IReadOnlySet<string> NeverReadsDossiers = new HashSet<string>
    {
        Roles.PlatformAdmin, Roles.Inspector, Roles.BoardAnalyst, Roles.RegionalAdvisor, Roles.HrOfficer,
        Roles.TrainingCoordinator, Roles.Candidate,
    };

    public static Grant GrantFor(Relation relation, Section section) =>
        Cells.TryGetValue(section, out var row) ? row[(int)relation] : Grant.None;

    /// <summary>The sections a consent may name (the "as granted" cells), in matrix order.</summary>
    public static IReadOnlyList<Section> Grantable { get; } =
        Enum.GetValues<Section>().Where(s => GrantFor(Relation.ConsentGrantee, s) == Grant.AsGranted).ToList();

    /// <summary>
    /// Whether a grant allows an operation. Portal cells are closed until the portal opens them; AsGranted cells
    /// are opened by the decision only for the sections a live consent names, and only for reading.
    /// </summary>
    public static bool Allows(Grant grant, Operation operation) => (grant, operation) switch
    {
        (Grant.Read, Operation.Read) => true,
        (Grant.ReadWrite, _) => true,
        (Grant.ReadOwnWrite, _) => true, // "own" (e.g. the guardian's own reports) is checked by the use case
        _ => false,
    };
}

/// <summary>
/// The age rules of ACCESS.md in one pure place. Under 16 the guardians with authority manage consent (and
/// corrections); from 16 the learner does. From 18 the guardian basis ends: a guardian then sees only what the
/// learner grants them as a consent. An unknown birth date counts as a minor (the school has to complete it).
/// </summary>
public static class AgeRules
{
    public const int ManagesOwnConsent = 16;
    public const int Adult = 18;

    public static bool GuardianBasisHolds(int? age) => age is null || age < Adult;

    public static bool MayManageConsent(Relation relation, int? age) => relation switch
    {
        Relation.Self => age >= ManagesOwnConsent,
        Relation.Guardian => age is null || age < ManagesOwnConsent,
        _ => false,
    };
}
