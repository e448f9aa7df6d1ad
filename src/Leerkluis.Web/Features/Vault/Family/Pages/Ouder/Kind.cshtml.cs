using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Features.Vault.Rights;
using Leerkluis.Web.Features.Vault.Rights.Corrections;
using Leerkluis.Web.Features.Vault.Rights.Objections;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Family.Pages.Ouder;

/// <summary>A child's card for the guardian, read-only; the use case shows only the sections the guardian may read.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class KindModel(LearnerQueries learners, RightsAccess rights, CorrectionRequests corrections, Objections objections) : PageModel
{
    public LearnerCard Card { get; private set; } = null!;
    /// <summary>Whether this guardian exercises the AVG rights for the child (under 16).</summary>
    public bool HoldsRights { get; private set; }
    public IReadOnlyList<CorrectionRequestView> Corrections { get; private set; } = [];
    public IReadOnlyList<Classmate>? Classmates { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Card = await learners.CardAsync(id, ct);
        HoldsRights = await rights.HoldsAsync(id, Right.Correction, ct);
        if (HoldsRights) Corrections = await corrections.ForLearnerAsync(id, ct);
        if (Card.Groups is not null) Classmates = await objections.ClassmatesAsync(id, ct);
    }
}
