using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Registry.Learners.Pages;

/// <summary>Links a guardian to the learner (GuardianCommands.AddAsync; a known e-mail address links the existing guardian).</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class OuderToevoegenModel(LearnerQueries learners, GuardianCommands guardians, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? FirstName { get; set; }
        public string? Prefix { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Street { get; set; }
        public string? HouseNumber { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? MunicipalityCode { get; set; }
        public bool HasAuthority { get; set; } = true;
        public GuardianRelation Relation { get; set; } = GuardianRelation.Parent;
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public LearnerCard Card { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        try
        {
            var g = await guardians.AddAsync(id, new AddGuardianCommand(Input.FirstName, Input.Prefix, Input.LastName, Input.Email, Input.Phone,
                new AddressInput(Input.Street, Input.HouseNumber, Input.PostalCode, Input.City, Input.MunicipalityCode),
                Input.HasAuthority, Input.Relation), ct);
            TempData["Melding"] = text["{0} is gekoppeld aan {1}.", g.FullName, Card.DisplayName].Value;
            return Redirect($"/School/Leerlingen/{id}#ouders-kop");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
            return Page();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Card = await learners.CardAsync(id, ct);
        if (!Card.CanEdit) throw new NotFoundException();
    }
}
