using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Registry.Enrolments.Pages;

/// <summary>Enrols a learner who already exists in Leerkluis, found by the personal number (EnrolmentCommands.EnrolExistingAsync).</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class InschrijvenModel(EnrolmentCommands enrolments, SchoolCommands schools, CurrentActor current, TimeProvider clock,
    IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? PersonalNumber { get; set; }
        public string? StartDate { get; set; }
        public Guid? GroupId { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.StartDate = Amsterdam.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Groups = await schools.GroupsAsync(SchoolId, ct: ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var startDate = ModelState.ParseDate("Input.StartDate", Input.StartDate, text);
        // The use case runs even when a date was unreadable (it is then missing, so nothing is saved):
        // the form shows all its errors at once instead of one round per kind of error.
        {
            try
            {
                var enrolment = await enrolments.EnrolExistingAsync(new EnrolExistingCommand(SchoolId, Input.PersonalNumber, startDate, Input.GroupId, Input.Reason), ct);
                TempData["Melding"] = text["De leerling is ingeschreven per {0}.", Amsterdam.Date(enrolment.StartDate)].Value;
                // The card is visible from the first day of enrolment; before that, the list is where the admin can go.
                return enrolment.StartDate <= Amsterdam.Today(clock) ? Redirect($"/School/Leerlingen/{enrolment.LearnerId}") : Redirect("/School/Leerlingen");
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddDomainErrors(ex, text);
            }
        }
        Groups = await schools.GroupsAsync(SchoolId, ct: ct);
        return Page();
    }

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();
}
