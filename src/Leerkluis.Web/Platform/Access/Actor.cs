using System.Security.Claims;
using Leerkluis.Web.Platform.Identity;

namespace Leerkluis.Web.Platform.Access;

/// <summary>Who is acting, read once per request from the authentication cookie's claims.</summary>
public sealed record Actor(
    Guid? UserId, string? Role, Guid? StaffId, Guid? SchoolId, Guid? GuardianId, Guid? LearnerId, string? ClientAddress,
    Guid? OrganisationId = null, string? MunicipalityCode = null, SystemActor? SystemActor = null)
{
    /// <summary>The role stored in audit entries and legal holds for every system actor (which one: <see cref="SystemActor"/>).</summary>
    public const string SystemRole = "System";

    public static readonly Actor Anonymous = new(null, null, null, null, null, null, null);
    /// <summary>The command-line tools and jobs act as the system; which part of it is typed, never a role string to compare.</summary>
    public static Actor System(SystemActor who = Access.SystemActor.Operator) => new(null, SystemRole, null, null, null, null, "local", SystemActor: who);
    public bool IsSystem => SystemActor is not null;
    /// <summary>Whether a stored role (an audit entry's, a legal hold's) was a system actor's.</summary>
    public static bool IsSystemRole(string? role) => role == SystemRole;

    public bool IsStaff => Role is Roles.SchoolAdmin or Roles.Teacher or Roles.CareCoordinator;

    public static Actor From(ClaimsPrincipal user, string? clientAddress)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous with { ClientAddress = clientAddress };
        return new Actor(
            G(user, ClaimTypes.NameIdentifier),
            user.FindFirstValue(ClaimTypes.Role),
            G(user, LeerkluisClaims.StaffId),
            G(user, LeerkluisClaims.SchoolId),
            G(user, LeerkluisClaims.GuardianId),
            G(user, LeerkluisClaims.LearnerId),
            clientAddress,
            G(user, LeerkluisClaims.OrganisationId),
            user.FindFirstValue(LeerkluisClaims.MunicipalityCode));
    }

    private static Guid? G(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirstValue(type), out var g) ? g : null;
}

/// <summary>Who acts when no person does. What each may do in a dossier: <see cref="SystemAccess"/>.</summary>
public enum SystemActor
{
    /// <summary>The operator's command-line tools on the server (seed-demo, import-edexml, legal-hold).</summary>
    Operator = 1,
    /// <summary>The daily job runner (absence rule, leerplicht sweep, retention, audit checkpoint).</summary>
    DailyJobs = 2,
    /// <summary>The worker that mails guardians about an unreported absence.</summary>
    GuardianAlerts = 3,
    /// <summary>The absence rule and the sick-signal rule, whoever starts them (the nightly job or an admin's recalculation).</summary>
    AbsenceRule = 4,
    /// <summary>The nightly sweep that opens and closes leerplicht cases.</summary>
    LeerplichtSweep = 5,
}

public static class LeerkluisClaims
{
    public const string StaffId = "lk:staff";
    public const string SchoolId = "lk:school";
    public const string GuardianId = "lk:guardian";
    public const string LearnerId = "lk:learner";
    public const string OrganisationId = "lk:org";
    public const string MunicipalityCode = "lk:municipality";
}

/// <summary>Scoped accessor: the current request's actor.</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    private Actor? _actor;
    public Actor Value => _actor ??= http.HttpContext is { } ctx
        ? Actor.From(ctx.User, ctx.Connection.RemoteIpAddress?.ToString())
        : Actor.System();
    /// <summary>For tools and jobs that act outside an HTTP request.</summary>
    public void Set(Actor actor) => _actor = actor;
}
