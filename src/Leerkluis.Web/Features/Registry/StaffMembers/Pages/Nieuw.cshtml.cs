using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Registry.StaffMembers.Pages;

/// <summary>Adds a staff member to the school, optionally with groups of this school year. The account is made elsewhere.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class NieuwModel(SchoolCommands schools, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? FirstName { get; set; }
        public string? Prefix { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public StaffRole Role { get; set; } = StaffRole.Teacher;
        public List<Guid> GroupIds { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Groups = await schools.GroupsAsync(SchoolId, ct: ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var staff = await schools.AddStaffAsync(SchoolId, new AddStaffCommand(Input.FirstName, Input.Prefix, Input.LastName, Input.Email, Input.Role, Input.GroupIds), ct);
            TempData["Melding"] = text["{0} is toegevoegd.", staff.FullName].Value;
            return Redirect("/School/Medewerkers");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
            Groups = await schools.GroupsAsync(SchoolId, ct: ct);
            return Page();
        }
    }

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();
}
