using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>/api/v1 for consents: the learner's list, grant and revoke (per the age rules), and a grantee's received list.</summary>
public static class ConsentApi
{
    public sealed record CreatedId(Guid Id);

    public static RouteGroupBuilder MapConsentApi(this RouteGroupBuilder api)
    {
        var learner = api.MapGroup("/learners/{learnerId:guid}/consents").WithTags("Consent").RequireAuthorization(Policies.Dossier);
        learner.MapGet("", async (Guid learnerId, ConsentQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(learnerId, ct)));
        learner.MapPost("", async (Guid learnerId, GrantConsentCommand c, ConsentCommands s, CancellationToken ct) =>
        {
            var consent = await s.GrantAsync(learnerId, c, ct);
            return TypedResults.Created($"/api/v1/learners/{learnerId}/consents", new CreatedId(consent.Id));
        });
        learner.MapPost("/{consentId:guid}/revoke", async (Guid learnerId, Guid consentId, ConsentCommands s, CancellationToken ct) =>
        {
            await s.RevokeAsync(learnerId, consentId, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/consents/received", async (ConsentQueries q, CancellationToken ct) => TypedResults.Ok(await q.ReceivedAsync(null, ct)))
            .WithTags("Consent").RequireAuthorization(Policies.PartnerStaff);
        return api;
    }
}
