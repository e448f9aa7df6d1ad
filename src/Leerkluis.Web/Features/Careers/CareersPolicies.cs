using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Leerkluis.Web.Features.Careers;

/// <summary>Route tier of the careers slice. Advisors, HR officers and training coordinators need a second factor (amr=mfa).</summary>
public static class CareersPolicies
{
    public const string Advisor = "Careers.Advisor";
    public const string Candidate = "Careers.Candidate";
    /// <summary>HR officer of a school board: vacancies of the board and the introduced or matching candidates who consented.</summary>
    public const string HrOfficer = "Careers.HrOfficer";
    /// <summary>Coordinator of a teacher-training institute: its programmes and interested candidates who consented.</summary>
    public const string TrainingCoordinator = "Careers.TrainingCoordinator";
    /// <summary>Anonymous intake from regional websites: its own rate limit, per client address.</summary>
    public const string IntakeRateLimit = "careers-intake";

    public static void Configure(AuthorizationOptions o, bool requireMfa)
    {
        o.AddPolicy(Advisor, p =>
        {
            p.RequireAuthenticatedUser().RequireRole(Roles.RegionalAdvisor);
            if (requireMfa) p.RequireClaim(Policies.MfaClaim, "mfa");
        });
        foreach (var (policy, role) in new[] { (HrOfficer, Roles.HrOfficer), (TrainingCoordinator, Roles.TrainingCoordinator) })
            o.AddPolicy(policy, p =>
            {
                p.RequireAuthenticatedUser().RequireRole(role);
                if (requireMfa) p.RequireClaim(Policies.MfaClaim, "mfa");
            });
        o.AddPolicy(Candidate, p => p.RequireAuthenticatedUser().RequireRole(Roles.Candidate));
    }
}
