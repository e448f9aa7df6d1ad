using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Pages.Ouder;

/// <summary>A child's card for the guardian, read-only; the use case shows only the sections the guardian may read.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class KindModel(LearnerQueries learners) : PageModel
{
    public LearnerCard Card { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Card = await learners.CardAsync(id, ct);
}
