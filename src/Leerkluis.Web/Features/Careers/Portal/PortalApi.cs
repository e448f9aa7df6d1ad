using Leerkluis.Web.Features.Careers.Candidates;

namespace Leerkluis.Web.Features.Careers.Portal;

/// <summary>The candidate's own route, profile, export, consent and erasure (/api/v1/careers/me).</summary>
public static class PortalApi
{
    public sealed record EraseRequest(string? Confirmation);

    public static void Map(CareersApi careers)
    {
        careers.Candidate.MapGet("", async (CandidatePortal s, CancellationToken ct) => TypedResults.Ok(await s.ViewAsync(ct)));
        careers.Candidate.MapPut("/profile", async (CandidateProfile p, CandidatePortal s, CancellationToken ct) =>
        {
            await s.UpdateAsync(p, ct);
            return TypedResults.NoContent();
        });
        careers.Candidate.MapGet("/export", async (CandidatePortal s, CancellationToken ct) => TypedResults.Json(await s.ExportAsync(ct)));
        careers.Candidate.MapPost("/consent/withdraw", async (CandidatePortal s, CancellationToken ct) =>
        {
            await s.WithdrawConsentAsync(ct);
            return TypedResults.NoContent();
        });
        careers.Candidate.MapPost("/erase", async (EraseRequest r, CandidatePortal s, CancellationToken ct) =>
        {
            await s.EraseAsync(r.Confirmation ?? "", ct);
            return TypedResults.NoContent();
        });
    }
}
