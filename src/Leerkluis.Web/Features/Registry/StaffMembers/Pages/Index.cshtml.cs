using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Registry.StaffMembers.Pages;

/// <summary>The school's staff with role, groups of this school year and whether they have an account.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(SchoolCommands schools, CurrentActor current) : PageModel
{
    public IReadOnlyList<StaffView> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Staff = await schools.StaffAsync(current.Value.SchoolId ?? throw new NotFoundException(), ct);
}
