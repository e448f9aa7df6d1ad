using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Registry.Groups.Pages;

/// <summary>One group of the current school year and its learners (as far as the reader may see them).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class GroepModel(SchoolCommands schools, LearnerQueries learners, CurrentActor current) : PageModel
{
    public GroupSummary Group { get; private set; } = null!;
    public LearnerPage Learners { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var schoolId = current.Value.SchoolId ?? throw new NotFoundException();
        Group = (await schools.GroupsAsync(schoolId, ct: ct)).FirstOrDefault(g => g.Id == id) ?? throw new NotFoundException();
        Learners = await learners.SearchAsync(new LearnerSearch(GroupId: id, PageSize: 200), ct);
    }
}
