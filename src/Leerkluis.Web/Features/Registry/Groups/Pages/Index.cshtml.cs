using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Registry.Groups.Pages;

/// <summary>The school's groups of the current school year, with year groups, learner counts and teachers.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(SchoolCommands schools, CurrentActor current, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    public SchoolYear Year { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var schoolId = current.Value.SchoolId ?? throw new NotFoundException();
        Year = SchoolYear.Containing(Amsterdam.Today(clock));
        Groups = await schools.GroupsAsync(schoolId, Year.StartYear, ct);
    }
}
