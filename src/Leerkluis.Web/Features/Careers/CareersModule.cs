using System.Threading.RateLimiting;
using Leerkluis.Web.Features.Careers.Activities;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Catalog;
using Leerkluis.Web.Features.Careers.Dashboard;
using Leerkluis.Web.Features.Careers.Documents;
using Leerkluis.Web.Features.Careers.Intake;
using Leerkluis.Web.Features.Careers.Introductions;
using Leerkluis.Web.Features.Careers.Invitations;
using Leerkluis.Web.Features.Careers.Matching;
using Leerkluis.Web.Features.Careers.Portal;
using Leerkluis.Web.Features.Careers.Retention;
using Leerkluis.Web.Features.Careers.SavedSearches;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.AspNetCore.RateLimiting;

namespace Leerkluis.Web.Features.Careers;

/// <summary>The one entry of the careers slice: its services, policies and rate limit, and the endpoints of each use case.</summary>
public static class CareersModule
{
    public static IServiceCollection AddCareers(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<CareerScope>();
        services.AddScoped<CandidateCommands>();
        services.AddScoped<CandidateQueries>();
        services.AddScoped<CandidateMatches>();
        services.AddScoped<IntakeSubmissions>();
        services.AddScoped<CandidatePortal>();
        services.AddScoped<CareerDashboard>();
        services.AddScoped<CareerCatalog>();
        services.AddScoped<RegionActivities>();
        services.AddScoped<CandidateIntroductions>();
        services.AddScoped<SavedSearchStore>();
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

    /// <summary>/api/v1/careers for advisors, candidates and partners, and the public /api/v1/intake of the regions' websites.</summary>
    public static RouteGroupBuilder MapCareersApi(this RouteGroupBuilder api)
    {
        var careers = CareersApi.On(api);
        CatalogApi.Map(careers);
        CandidatesApi.Map(careers);
        SavedSearchesApi.Map(careers);
        MatchingApi.Map(careers);
        ActivitiesApi.Map(careers);
        IntroductionsApi.Map(careers);
        DocumentsApi.Map(careers);
        InvitationsApi.Map(careers);
        DashboardApi.Map(careers);
        PortalApi.Map(careers);
        IntakeEndpoint.Map(api);
        return api;
    }
}
