namespace Leerkluis.Web.Features.Careers.Dashboard;

/// <summary>Counts per region for the advisor's dashboard.</summary>
public static class DashboardApi
{
    public static void Map(CareersApi careers)
    {
        careers.Advisor.MapGet("/dashboard/regions", async (CareerDashboard s, CancellationToken ct) => TypedResults.Ok(await s.AcrossRegionsAsync(ct)));
        careers.Advisor.MapGet("/dashboard", async (Guid? regionId, CareerDashboard s, CancellationToken ct) => TypedResults.Ok(await s.ForAsync(regionId, ct)));
    }
}
