using Leerkluis.Web.Features.Attendance;
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

/// <summary>The school's absence codes: add, change name, category and guardian use, switch off.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class CodesModel(AttendanceSetupCommands setup, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Category { get; set; } = "excused";
        public bool GuardianMayUse { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public SetupView View { get; private set; } = null!;
    public static readonly AbsenceCategory[] Categories = Enum.GetValues<AbsenceCategory>();

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    public async Task OnGetAsync(CancellationToken ct) => View = await setup.ReadAsync(SchoolId, ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        try
        {
            await setup.AddCodeAsync(SchoolId, new CodeCommand(Input.Code, Input.Name, Input.Category, Input.GuardianMayUse), ct);
            TempData["Melding"] = text["De code is toegevoegd."].Value;
            return Redirect("/School/Absentie/Instellingen/Codes");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
            View = await setup.ReadAsync(SchoolId, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, string? name, string? category, bool guardianMayUse, bool active, CancellationToken ct)
    {
        try
        {
            await setup.ChangeCodeAsync(SchoolId, id, new CodeCommand(null, name, category, guardianMayUse, active), ct);
            TempData["Melding"] = text["De code is gewijzigd."].Value;
            return Redirect("/School/Absentie/Instellingen/Codes");
        }
        catch (ValidationFailedException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("", text[m]);
            View = await setup.ReadAsync(SchoolId, ct);
            return Page();
        }
    }
}
