using Leerkluis.Web.Features.Registry.Enrolments;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;

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
        services.AddScoped<LearnerRelations>();
        services.AddScoped<ILearnerRelations>(sp => sp.GetRequiredService<LearnerRelations>());
        services.AddScoped<IClaimLinks>(sp => sp.GetRequiredService<LearnerRelations>());
        return services;
    }
}
