using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Family.Pages.Ouder;

/// <summary>The guardian's home: a card per child they have authority over.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class IndexModel(LearnerQueries learners) : PageModel
{
    public IReadOnlyList<ChildSummary> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Children = await learners.MyChildrenAsync(ct);
}
