using Leerkluis.Web.Features.Attendance.Setup;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Setup.Pages;

/// <summary>Holidays and study days: no school days; a week wholly in a holiday is no school week for the 16-hour rule.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class VrijModel(AttendanceSetupCommands setup, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Kind { get; set; } = "holiday";
        public string? From { get; set; }
        public string? To { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public SetupView View { get; private set; } = null!;

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    public async Task OnGetAsync(CancellationToken ct) => View = await setup.ReadAsync(SchoolId, ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var from = ModelState.ParseDate("Input.From", Input.From, text);
        var to = ModelState.ParseDate("Input.To", Input.To, text);
        try
        {
            if (ModelState.IsValid)
            {
                await setup.AddClosureAsync(SchoolId, new ClosureCommand(Input.Name, Input.Kind, from, to), ct);
                TempData["Melding"] = text["De vrije dagen zijn toegevoegd."].Value;
                return Redirect("/School/Absentie/Instellingen/Vrij");
            }
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
        }
        View = await setup.ReadAsync(SchoolId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        await setup.RemoveClosureAsync(SchoolId, id, ct);
        TempData["Melding"] = text["De vrije dagen zijn verwijderd."].Value;
        return Redirect("/School/Absentie/Instellingen/Vrij");
    }
}
