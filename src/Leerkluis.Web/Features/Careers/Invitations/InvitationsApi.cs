namespace Leerkluis.Web.Features.Careers.Invitations;

/// <summary>An advisor invites a candidate to the portal.</summary>
public static class InvitationsApi
{
    public static void Map(CareersApi careers)
    {
        careers.Advisor.MapPost("/candidates/{id:guid}/invitation", async (Guid id, CandidateInvitations s, CancellationToken ct) =>
        {
            await s.InviteAsync(id, ct);
            return TypedResults.NoContent();
        });
    }
}
