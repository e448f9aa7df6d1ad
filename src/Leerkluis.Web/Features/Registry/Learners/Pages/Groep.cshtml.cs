using Leerkluis.Web.Features.Registry.Enrolments;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Registry.Learners.Pages;

/// <summary>Places a learner in another group of this school year (the card posts here; errors render on this page).</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class GroepModel(LearnerQueries learners, EnrolmentCommands enrolments, SchoolCommands schools, CurrentActor current,
    IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public Guid? GroupId { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public LearnerCard Card { get; private set; } = null!;
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.GroupId = Card.Groups?.FirstOrDefault(g => Groups.Any(x => x.Id == g.Id))?.Id;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (Input.GroupId is not { } groupId) ModelState.AddModelError("Input.GroupId", text["Kies een groep."]);
        else
        {
            try
            {
                await enrolments.SetGroupAsync(id, groupId, ct);
                var name = (await schools.GroupsAsync(SchoolId, ct: ct)).FirstOrDefault(g => g.Id == groupId)?.Name;
                TempData["Melding"] = text["De leerling is geplaatst in groep {0}.", name ?? ""].Value;
                return Redirect($"/School/Leerlingen/{id}");
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddDomainErrors(ex, text);
            }
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Card = await learners.CardAsync(id, ct);
        if (!Card.CanEdit) throw new NotFoundException();
        Groups = await schools.GroupsAsync(SchoolId, ct: ct);
    }
}
