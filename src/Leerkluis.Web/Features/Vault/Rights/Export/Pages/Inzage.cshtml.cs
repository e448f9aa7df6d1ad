using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Features.Vault.Rights;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Rights.Export.Pages;

/// <summary>AVG access and portability: the two downloads of the dossier and what the family's rights are.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class InzageModel(RightsAccess rights, LearnerQueries learners) : PageModel
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await rights.HoldsAsync(id, Right.Export, ct)) return NotFound();
        Id = id;
        Name = (await learners.CardAsync(id, ct)).DisplayName;
        return Page();
    }
}
