using Leerkluis.Web.Features.Accounts;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Edexml;
using Leerkluis.Web.Features.Vault.Consent;
using Leerkluis.Web.Features.Vault.AuditTrail;
using Leerkluis.Web.Features.Vault.Rights;
using Leerkluis.Web.Features.Vault.Medical;
using Leerkluis.Web.Features.Vault.Retention;

namespace Leerkluis.Web.Features;

/// <summary>The one list of capabilities (vertical slices). Each slice registers its services and maps its endpoints.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddRegistry();
        services.AddEdexml();
        services.AddAccounts(config);
        services.AddConsent();
        services.AddRights();
        services.AddMedical();
        services.AddAttendance();
        services.AddRetention();
        // After retention: nightly jobs run in registration order, and the audit checkpoint must follow the night's erasures.
        services.AddAuditTrail();
        services.AddCompulsoryEducation();
        services.AddCareers(config);
        return services;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapRegistryApi();
        api.MapEdexmlApi();
        api.MapAccountsApi();
        api.MapConsentApi();
        api.MapAuditTrailApi();
        api.MapRightsApi();
        api.MapMedicalApi();
        api.MapAttendanceApi();
        api.MapCompulsoryEducationApi();
        api.MapCareersApi();
        return app;
    }
}
