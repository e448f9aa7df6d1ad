using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Family.Pages.Leerling;

/// <summary>The learner's home: their own card (what the Self column allows) and links to what they manage.</summary>
[Authorize(Policy = Policies.Learner)]
public sealed class IndexModel(LearnerQueries learners, CurrentActor current) : PageModel
{
    public LearnerCard Card { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Card = await learners.CardAsync(current.Value.LearnerId ?? throw new NotFoundException(), ct);
}
