using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Medical.Pages;

/// <summary>The Medical section for school staff: everything for the care coordinator, need-to-know items for the teacher, 404 for others.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SchoolMedischModel(MedicalSection medical) : PageModel
{
    public MedicalView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await medical.ReadAsync(id, ct);
}
