using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Jobs;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

public static class AuditTrailModule
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<AuditTrailQueries>();
        services.AddScoped<AuditCheckpointJob>();
        services.AddDailyJob<AuditCheckpointJob>(); // the Platform/Jobs runner: one node, once a day
        return services;
    }
}
