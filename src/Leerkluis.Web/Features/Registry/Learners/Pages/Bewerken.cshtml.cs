using System.Globalization;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Registry.Learners.Pages;

/// <summary>Correct personalia and address, or complete an incomplete identity with the BSN/onderwijsnummer.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class BewerkenModel(LearnerQueries queries, UpdatePersonalia update, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? FirstNames { get; set; }
        public string? CallName { get; set; }
        public string? Prefix { get; set; }
        public string? LastName { get; set; }
        public string? BirthDate { get; set; }
        public Gender Gender { get; set; }
        public string? PersonalNumber { get; set; }
        public string? Street { get; set; }
        public string? HouseNumber { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? MunicipalityCode { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public LearnerCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Card = await queries.CardAsync(id, ct);
        if (!Card.CanEdit) return NotFound();
        Input = new InputModel
        {
            FirstNames = Card.FirstNames, CallName = Card.CallName, Prefix = Card.Prefix, LastName = Card.LastName,
            BirthDate = Card.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Gender = Card.Gender,
            PersonalNumber = Card.PersonalNumber, Street = Card.Address.Street, HouseNumber = Card.Address.HouseNumber,
            PostalCode = Card.Address.PostalCode, City = Card.Address.City, MunicipalityCode = Card.Address.MunicipalityCode,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var birthDate = ModelState.ParseDate("Input.BirthDate", Input.BirthDate, text);
        try
        {
            await update.HandleAsync(id, new UpdatePersonaliaCommand(Input.FirstNames, Input.CallName, Input.Prefix, Input.LastName, birthDate,
                Input.Gender, Input.PersonalNumber, new AddressInput(Input.Street, Input.HouseNumber, Input.PostalCode, Input.City, Input.MunicipalityCode)), ct);
            TempData["Melding"] = text["De gegevens zijn opgeslagen."].Value;
            return Redirect($"/School/Leerlingen/{id}");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
        }
        Card = await queries.CardAsync(id, ct);
        return Page();
    }
}
