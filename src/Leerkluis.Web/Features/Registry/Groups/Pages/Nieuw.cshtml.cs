using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Registry.Groups.Pages;

/// <summary>Creates a group for the current school year; several year groups make a combined group (7/8).</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class NieuwModel(SchoolCommands schools, CurrentActor current, TimeProvider clock, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public List<int> YearGroups { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int MaxYearGroup { get; private set; } = 8;
    public SchoolYear Year { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            var group = await schools.CreateGroupAsync(SchoolId, new CreateGroupCommand(Input.Name, Year.StartYear, Input.YearGroups), ct);
            TempData["Melding"] = text["Groep {0} is aangemaakt.", group.Name].Value;
            return Redirect("/School/Groepen");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
            return Page();
        }
    }

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    private async Task LoadAsync(CancellationToken ct)
    {
        Year = SchoolYear.Containing(Amsterdam.Today(clock));
        var school = (await schools.SchoolsAsync(ct)).FirstOrDefault(s => s.Id == SchoolId) ?? throw new NotFoundException();
        MaxYearGroup = school.Sector == SchoolSector.Primary ? 8 : 6;
    }
}
