using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Registry.Learners.Pages;

/// <summary>The learner card for school staff; what it shows is decided per section by the use case.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LeerlingModel(LearnerQueries learners, SchoolCommands schools, CurrentActor current, DossierGuard guard) : PageModel
{
    public LearnerCard Card { get; private set; } = null!;
    /// <summary>This school's current groups, for the change-group form (admins only).</summary>
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    public EnrolmentView? ActiveEnrolmentHere { get; private set; }
    public GroupView? CurrentGroup { get; private set; }
    /// <summary>Whether this reader may open the Medical section (not the school admin).</summary>
    public bool ShowMedical { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Card = await learners.CardAsync(id, ct);
        var schoolId = current.Value.SchoolId;
        ShowMedical = (await guard.PeekAsync(id, Section.Medical, Operation.Read, ct)).Allowed;
        ActiveEnrolmentHere = Card.Enrolments?.FirstOrDefault(e => e.Active && e.SchoolId == schoolId);
        if (Card.CanEdit && schoolId is { } sid)
        {
            Groups = await schools.GroupsAsync(sid, ct: ct);
            CurrentGroup = Card.Groups?.FirstOrDefault(g => Groups.Any(x => x.Id == g.Id));
        }
    }
}
