using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Leerkluis.Web.Platform.Access;

/// <summary>
/// Route-level policies: the cheap first tier (may this account use this area at all?). The second tier is
/// the per-learner <see cref="AccessDecision"/>. Every endpoint and page names one of these or is
/// explicitly anonymous (tested by EndpointAuthorizationTests).
/// </summary>
public static class Policies
{
    public const string Authenticated = nameof(Authenticated);
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string SchoolAdmin = nameof(SchoolAdmin);
    public const string Staff = nameof(Staff);
    public const string Guardian = nameof(Guardian);
    public const string Learner = nameof(Learner);
    public const string AttendanceOfficer = nameof(AttendanceOfficer);
    public const string PartnerStaff = nameof(PartnerStaff);
    public const string Inspector = nameof(Inspector);
    public const string BoardAnalyst = nameof(BoardAnalyst);
    /// <summary>Anyone who may hold a relation to a learner; the access decision does the rest.</summary>
    public const string Dossier = nameof(Dossier);

    /// <summary>Identity sets amr=mfa when the sign-in passed a second factor.</summary>
    public const string MfaClaim = "amr";

    public static void Configure(AuthorizationOptions o, bool requireMfaForStaff)
    {
        o.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        o.AddPolicy(PlatformAdmin, p => Staffish(p, requireMfaForStaff).RequireRole(Roles.PlatformAdmin));
        o.AddPolicy(SchoolAdmin, p => Staffish(p, requireMfaForStaff).RequireRole(Roles.SchoolAdmin));
        o.AddPolicy(Staff, p => Staffish(p, requireMfaForStaff).RequireRole(Roles.Staff));
        o.AddPolicy(Guardian, p => p.RequireAuthenticatedUser().RequireRole(Roles.Guardian));
        o.AddPolicy(Learner, p => p.RequireAuthenticatedUser().RequireRole(Roles.Learner));
        o.AddPolicy(AttendanceOfficer, p => Staffish(p, requireMfaForStaff).RequireRole(Roles.AttendanceOfficer));
        o.AddPolicy(PartnerStaff, p => Staffish(p, requireMfaForStaff).RequireRole(Roles.PartnerStaff));
        o.AddPolicy(Inspector, p => Staffish(p, requireMfaForStaff).RequireRole(Roles.Inspector));
        o.AddPolicy(BoardAnalyst, p => Staffish(p, requireMfaForStaff).RequireRole(Roles.BoardAnalyst));
        o.AddPolicy(Dossier, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.IsInRole(Roles.Guardian) || c.User.IsInRole(Roles.Learner) ||
            ((Roles.Staff.Any(c.User.IsInRole) || c.User.IsInRole(Roles.AttendanceOfficer) || c.User.IsInRole(Roles.PartnerStaff))
                && (!requireMfaForStaff || c.User.HasClaim(MfaClaim, "mfa")))));
        // Anything not marked still needs a log-in.
        o.FallbackPolicy = o.GetPolicy(Authenticated);
    }

    private static AuthorizationPolicyBuilder Staffish(AuthorizationPolicyBuilder p, bool requireMfa)
    {
        p.RequireAuthenticatedUser();
        if (requireMfa) p.RequireClaim(MfaClaim, "mfa");
        return p;
    }
}
