using System.Security.Claims;
using Leerkluis.Web.Platform.Identity;

namespace Leerkluis.Web.Platform.Access;

/// <summary>Who is acting, read once per request from the authentication cookie's claims.</summary>
public sealed record Actor(
    Guid? UserId, string? Role, Guid? StaffId, Guid? SchoolId, Guid? GuardianId, Guid? LearnerId, string? ClientAddress,
    Guid? OrganisationId = null, string? MunicipalityCode = null)
{
    public static readonly Actor Anonymous = new(null, null, null, null, null, null, null);
    /// <summary>The command-line tools and jobs act as the system.</summary>
    public static Actor System(string? role = "System") => new(null, role, null, null, null, null, "local");
    public bool IsSystem => Role == "System";

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
