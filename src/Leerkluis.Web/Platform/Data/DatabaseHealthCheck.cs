using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Leerkluis.Web.Platform.Data;

/// <summary>/health answers 200 only when the database answers.</summary>
internal sealed class DatabaseHealthCheck(LeerkluisDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
}
