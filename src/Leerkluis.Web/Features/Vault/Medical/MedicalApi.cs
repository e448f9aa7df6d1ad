using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Vault.Medical;

/// <summary>/api/v1/learners/{id}/medical: the Medical section (GET for readers, PUT for guardians).</summary>
public static class MedicalApi
{
    public static RouteGroupBuilder MapMedicalApi(this RouteGroupBuilder api)
    {
        var medical = api.MapGroup("/learners/{learnerId:guid}/medical").WithTags("Medical").RequireAuthorization(Policies.Dossier);
        medical.MapGet("", async (Guid learnerId, MedicalSection s, CancellationToken ct) => TypedResults.Ok(await s.ReadAsync(learnerId, ct)));
        medical.MapPut("", async (Guid learnerId, MedicalData data, MedicalSection s, CancellationToken ct) =>
        {
            await s.SaveAsync(learnerId, data, ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}

public static class MedicalModule
{
    public static IServiceCollection AddMedical(this IServiceCollection services) => services.AddScoped<MedicalSection>();
}
