using Leerkluis.Web.Platform.Jobs;

namespace Leerkluis.Web.Features.CompulsoryEducation;

public static class CompulsoryEducationModule
{
    public static IServiceCollection AddCompulsoryEducation(this IServiceCollection services)
    {
        services.AddScoped<Caseload>();
        services.AddScoped<ResidentListImport>();
        services.AddScoped<CountDateQuery>();
        services.AddDailyJob<LeerplichtSweep>();
        return services;
    }
}
