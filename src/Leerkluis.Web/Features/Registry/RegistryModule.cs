using Leerkluis.Web.Features.Registry.Enrolments;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Features.Registry.Schools;

namespace Leerkluis.Web.Features.Registry;

public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddScoped<RegisterLearner>();
        services.AddScoped<UpdatePersonalia>();
        services.AddScoped<LearnerQueries>();
        services.AddScoped<EnrolmentCommands>();
        services.AddScoped<GuardianCommands>();
        services.AddScoped<SchoolCommands>();
        services.AddScoped<RegistryBatch>();
        return services;
    }
}
