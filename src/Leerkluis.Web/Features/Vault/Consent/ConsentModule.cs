using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Vault.Consent;

public static class ConsentModule
{
    public static IServiceCollection AddConsent(this IServiceCollection services)
    {
        services.AddScoped<ConsentCommands>();
        services.AddScoped<ConsentQueries>();
        services.AddScoped<IConsentGrants, ConsentGrants>();
        return services;
    }
}
