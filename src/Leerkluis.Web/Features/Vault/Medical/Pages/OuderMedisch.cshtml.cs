using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.Medical.Pages;

/// <summary>
/// The guardian keeps the child's medical details: allergies, medication, conditions, emergency contacts and the
/// huisarts, and marks what the teachers need to know. Works without JavaScript: every list has two empty rows to add to.
/// </summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class OuderMedischModel(MedicalSection medical, IStringLocalizer<SharedText> text) : PageModel
{
    public const int EmptyRows = 2;

    public sealed class ItemInput
    {
        public string? Name { get; set; }
        public string? Notes { get; set; }
        public bool NeedToKnow { get; set; }
    }

    public sealed class ContactInput
    {
        public string? Name { get; set; }
        public string? Relation { get; set; }
        public string? Phone { get; set; }
        public bool NeedToKnow { get; set; }
    }

    public sealed class InputModel
    {
        public List<ItemInput> Allergies { get; set; } = [];
        public List<ItemInput> Medications { get; set; } = [];
        public List<ItemInput> Conditions { get; set; } = [];
        public List<ContactInput> EmergencyContacts { get; set; } = [];
        public string? GpName { get; set; }
        public string? GpPhone { get; set; }
        public bool GpNeedToKnow { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public MedicalView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        View = await medical.ReadAsync(id, ct);
        if (!View.CanEdit) return NotFound();
        var d = View.Data;
        Input = new InputModel
        {
            Allergies = Items(d.Allergies), Medications = Items(d.Medications), Conditions = Items(d.Conditions),
            EmergencyContacts = (d.EmergencyContacts ?? []).Select(c => new ContactInput { Name = c.Name, Relation = c.Relation, Phone = c.Phone, NeedToKnow = c.NeedToKnow }).ToList(),
            GpName = d.GeneralPractitioner?.Name, GpPhone = d.GeneralPractitioner?.Phone, GpNeedToKnow = d.GeneralPractitioner?.NeedToKnow ?? false,
        };
        AddEmptyRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var data = new MedicalData(
            Input.Allergies.Select(ToItem).ToList(), Input.Medications.Select(ToItem).ToList(), Input.Conditions.Select(ToItem).ToList(),
            Input.EmergencyContacts.Select(c => new EmergencyContact(c.Name, c.Relation, c.Phone, c.NeedToKnow)).ToList(),
            new GeneralPractitioner(Input.GpName, Input.GpPhone, Input.GpNeedToKnow));
        try
        {
            await medical.SaveAsync(id, data, ct);
            TempData["Melding"] = text["De medische gegevens zijn opgeslagen."].Value;
            return Redirect($"/Ouder/Kind/{id}/Medisch");
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
                foreach (var m in messages) ModelState.AddModelError(InputKey(field), text[m]);
        }
        View = await medical.ReadAsync(id, ct);
        return Page();
    }

    /// <summary>"allergies[0].name" → "Input.Allergies[0].Name"; the huisarts fields are flat on the form.</summary>
    public static string InputKey(string field) => field switch
    {
        "generalPractitioner.name" => "Input.GpName",
        "generalPractitioner.phone" => "Input.GpPhone",
        _ => "Input." + string.Join('.', field.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..])),
    };

    private static MedicalItem ToItem(ItemInput i) => new(i.Name, i.Notes, i.NeedToKnow);

    private static List<ItemInput> Items(IReadOnlyList<MedicalItem>? items) =>
        (items ?? []).Select(i => new ItemInput { Name = i.Name, Notes = i.Notes, NeedToKnow = i.NeedToKnow }).ToList();

    // New allergies and emergency contacts are shared with the teachers unless the guardian unticks them.
    private void AddEmptyRows()
    {
        for (var n = 0; n < EmptyRows; n++)
        {
            Input.Allergies.Add(new ItemInput { NeedToKnow = true });
            Input.Medications.Add(new ItemInput());
            Input.Conditions.Add(new ItemInput());
            Input.EmergencyContacts.Add(new ContactInput { NeedToKnow = true });
        }
    }
}
