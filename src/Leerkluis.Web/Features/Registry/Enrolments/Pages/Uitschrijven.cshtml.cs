using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
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

/// <summary>Ends the learner's active enrolment at this school (EnrolmentCommands.DeregisterAsync).</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class UitschrijvenModel(LearnerQueries learners, EnrolmentCommands enrolments, CurrentActor current, TimeProvider clock,
    IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? EndDate { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public LearnerCard Card { get; private set; } = null!;
    public EnrolmentView Enrolment { get; private set; } = null!;

    /// <summary>Common reasons offered as suggestions; the field stays free text.</summary>
    public static readonly string[] Reasons = ["Verhuizing", "Overstap naar andere school", "Einde basisonderwijs", "Vertrek naar het buitenland", "Overig"];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.EndDate = Amsterdam.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var endDate = ModelState.ParseDate("Input.EndDate", Input.EndDate, text);
        // The use case runs even when a date was unreadable (it is then missing, so nothing is saved):
        // the form shows all its errors at once instead of one round per kind of error.
        {
            try
            {
                await enrolments.DeregisterAsync(new DeregisterCommand(id, Enrolment.Id, endDate, Input.Reason), ct);
                TempData["Melding"] = text["{0} is uitgeschreven per {1}.", Card.DisplayName, Amsterdam.Date(endDate)].Value;
                // After the last day the school no longer sees the card, so go back to the list.
                return endDate >= Amsterdam.Today(clock) ? Redirect($"/School/Leerlingen/{id}") : Redirect("/School/Leerlingen");
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddDomainErrors(ex, text);
            }
        }
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Card = await learners.CardAsync(id, ct);
        Enrolment = (Card.CanEdit ? Card.Enrolments?.FirstOrDefault(e => e.Active && e.SchoolId == current.Value.SchoolId) : null)
            ?? throw new NotFoundException();
    }
}
