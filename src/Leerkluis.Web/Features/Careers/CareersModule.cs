using System.Threading.RateLimiting;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.AspNetCore.RateLimiting;

namespace Leerkluis.Web.Features.Careers;

public static class CareersModule
{
    public static IServiceCollection AddCareers(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<CareerScope>();
        services.AddScoped<CandidateCommands>();
        services.AddScoped<CandidateQueries>();
        services.AddScoped<Matching>();
        services.AddScoped<Intake>();
        services.AddScoped<CandidatePortal>();
        services.AddScoped<CareerDashboard>();
        services.AddScoped<CareerCatalog>();
        services.AddScoped<Activities>();
        services.AddScoped<Introductions>();
        services.AddScoped<SavedSearches>();
        services.AddScoped<CandidateDocuments>();
        services.AddScoped<CandidateInvitations>();
        services.AddDailyJob<CandidateRetentionJob>();

        var requireMfa = config.GetValue("Security:RequireStaffTwoFactor", true);
        services.AddAuthorization(o => CareersPolicies.Configure(o, requireMfa));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(CareersPolicies.IntakeRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("Careers:IntakePermitsPerMinute", 10), Window = TimeSpan.FromMinutes(1) })));
        return services;
    }
}
