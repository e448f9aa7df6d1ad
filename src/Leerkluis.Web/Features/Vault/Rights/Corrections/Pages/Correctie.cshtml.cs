using System.Globalization;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Features.Vault.Rights;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.Rights.Corrections.Pages;

/// <summary>
/// Rectification: the form shows today's values; only fields the guardian changed become part of the request.
/// The school decides; earlier requests and their outcome are listed below the form.
/// </summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class CorrectieModel(RightsAccess rights, LearnerQueries learners, CorrectionRequests corrections, CurrentActor current,
    IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? FirstNames { get; set; }
        public string? CallName { get; set; }
        public string? Prefix { get; set; }
        public string? LastName { get; set; }
        public string? BirthDate { get; set; }
        public string? Street { get; set; }
        public string? HouseNumber { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? GuardianEmail { get; set; }
        public string? GuardianPhone { get; set; }
        public string? GuardianStreet { get; set; }
        public string? GuardianHouseNumber { get; set; }
        public string? GuardianPostalCode { get; set; }
        public string? GuardianCity { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public LearnerCard Card { get; private set; } = null!;
    public IReadOnlyList<CorrectionRequestView> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Current();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var now = Current();
        // Only what differs from today's value is proposed; the guardian's address fields start empty (empty = keep).
        var fields = new (CorrectionField Field, string Key, string? Now, string? Proposed)[]
        {
            (CorrectionField.FirstNames, nameof(InputModel.FirstNames), now.FirstNames, Input.FirstNames),
            (CorrectionField.CallName, nameof(InputModel.CallName), now.CallName, Input.CallName),
            (CorrectionField.Prefix, nameof(InputModel.Prefix), now.Prefix, Input.Prefix),
            (CorrectionField.LastName, nameof(InputModel.LastName), now.LastName, Input.LastName),
            (CorrectionField.BirthDate, nameof(InputModel.BirthDate), now.BirthDate, Input.BirthDate),
            (CorrectionField.Street, nameof(InputModel.Street), now.Street, Input.Street),
            (CorrectionField.HouseNumber, nameof(InputModel.HouseNumber), now.HouseNumber, Input.HouseNumber),
            (CorrectionField.PostalCode, nameof(InputModel.PostalCode), now.PostalCode, Input.PostalCode),
            (CorrectionField.City, nameof(InputModel.City), now.City, Input.City),
            (CorrectionField.GuardianEmail, nameof(InputModel.GuardianEmail), now.GuardianEmail, Input.GuardianEmail),
            (CorrectionField.GuardianPhone, nameof(InputModel.GuardianPhone), now.GuardianPhone, Input.GuardianPhone),
            (CorrectionField.GuardianStreet, nameof(InputModel.GuardianStreet), null, Input.GuardianStreet),
            (CorrectionField.GuardianHouseNumber, nameof(InputModel.GuardianHouseNumber), null, Input.GuardianHouseNumber),
            (CorrectionField.GuardianPostalCode, nameof(InputModel.GuardianPostalCode), null, Input.GuardianPostalCode),
            (CorrectionField.GuardianCity, nameof(InputModel.GuardianCity), null, Input.GuardianCity),
        };
        var changed = fields.Where(f => !Same(f.Field, f.Now, f.Proposed)).ToList();
        var keys = new Dictionary<string, string> { ["changes"] = "", ["note"] = "Input.Note" };
        for (var i = 0; i < changed.Count; i++)
        {
            keys[$"changes[{i}].proposedValue"] = $"Input.{changed[i].Key}";
            keys[$"changes[{i}].field"] = $"Input.{changed[i].Key}";
        }
        try
        {
            await corrections.SubmitAsync(id, new SubmitCorrectionCommand(
                changed.Select(c => new ProposedChange(c.Field.ToString(), c.Proposed)).ToList(), Input.Note), ct);
            TempData["Melding"] = text["Uw verzoek is naar de school gestuurd. U krijgt een e-mail zodra de school heeft beslist."].Value;
            return Redirect($"/Ouder/Kind/{id}/Correctie");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text, keys);
        }
        return Page();
    }

    private static bool Same(CorrectionField field, string? now, string? proposed)
    {
        if (string.IsNullOrWhiteSpace(proposed)) return string.IsNullOrWhiteSpace(now) || field >= CorrectionField.GuardianStreet;
        if (field == CorrectionField.BirthDate && Platform.Time.Amsterdam.TryParseDate(proposed.Trim(), out var p) && Platform.Time.Amsterdam.TryParseDate(now, out var n))
            return p == n;
        return string.Equals(now?.Trim(), proposed.Trim(), StringComparison.Ordinal);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await rights.HoldsAsync(id, Right.Correction, ct)) return false;
        Card = await learners.CardAsync(id, ct);
        Requests = await corrections.ForLearnerAsync(id, ct);
        return true;
    }

    private InputModel Current()
    {
        var me = Card.Guardians?.FirstOrDefault(g => g.Id == current.Value.GuardianId);
        return new InputModel
        {
            FirstNames = Card.FirstNames, CallName = Card.CallName, Prefix = Card.Prefix, LastName = Card.LastName,
            BirthDate = Card.BirthDate?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            Street = Card.Address.Street, HouseNumber = Card.Address.HouseNumber, PostalCode = Card.Address.PostalCode, City = Card.Address.City,
            GuardianEmail = me?.Email, GuardianPhone = me?.Phone,
        };
    }
}
