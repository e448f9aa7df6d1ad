using Leerkluis.Web.Platform.Audit;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

public static class AuditTrailModule
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<AuditTrailQueries>();
        services.AddScoped<AuditCheckpointJob>();
        services.AddHostedService<CheckpointSchedule>();
        return services;
    }
}
