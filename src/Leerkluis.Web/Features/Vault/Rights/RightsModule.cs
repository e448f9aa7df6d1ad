using Leerkluis.Web.Features.Vault.Rights.Corrections;
using Leerkluis.Web.Features.Vault.Rights.Export;
using Leerkluis.Web.Features.Vault.Rights.Objections;

namespace Leerkluis.Web.Features.Vault.Rights;

public static class RightsModule
{
    public static IServiceCollection AddRights(this IServiceCollection services)
    {
        services.AddScoped<RightsAccess>();
        services.AddScoped<DossierExport>();
        services.AddScoped<CorrectionRequests>();
        services.AddScoped<Objections.Objections>();
        // The registry's sections and this slice's own; other slices register theirs in their own module.
        services.AddDossierSectionExporter<PersonaliaExporter>();
        services.AddDossierSectionExporter<PersonalNumberExporter>();
        services.AddDossierSectionExporter<FamilyExporter>();
        services.AddDossierSectionExporter<EnrolmentExporter>();
        services.AddDossierSectionExporter<GroupExporter>();
        services.AddDossierSectionExporter<CorrectionRequestExporter>();
        services.AddDossierSectionExporter<ObjectionExporter>();
        return services;
    }
}
