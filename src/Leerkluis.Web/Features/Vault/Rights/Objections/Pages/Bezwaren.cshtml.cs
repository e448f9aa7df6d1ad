using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Rights.Objections.Pages;

/// <summary>Per learner of a group, the optional processing their family objected to (class list, photos, birthdays).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class BezwarenModel(Objections objections) : PageModel
{
    public GroupObjections Overview { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Overview = await objections.ForGroupAsync(id, ct);
}
