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

namespace Leerkluis.Web.Features.Registry.Learners.Pages;

/// <summary>Registers a new learner at the admin's school (RegisterLearner), with the likely-duplicate check.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class NieuwModel(RegisterLearner register, SchoolCommands schools, CurrentActor current, TimeProvider clock,
    IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? FirstNames { get; set; }
        public string? CallName { get; set; }
        public string? Prefix { get; set; }
        public string? LastName { get; set; }
        /// <summary>Text, not DateOnly: a date picker sends yyyy-mm-dd, a typed date is dd-mm-jjjj; both parse.</summary>
        public string? BirthDate { get; set; }
        public Gender Gender { get; set; }
        public string? PersonalNumber { get; set; }
        public string? PersonalNumberLastFour { get; set; }
        public string? Street { get; set; }
        public string? HouseNumber { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? MunicipalityCode { get; set; }
        public Guid? GroupId { get; set; }
        public string? StartDate { get; set; }
        public bool ConfirmNotDuplicate { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    /// <summary>The use case warned about a likely duplicate: show the confirmation checkbox.</summary>
    public bool DuplicateWarning { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.StartDate = Amsterdam.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Groups = await schools.GroupsAsync(SchoolId, ct: ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var birthDate = ModelState.ParseDate("Input.BirthDate", Input.BirthDate, text);
        var startDate = ModelState.ParseDate("Input.StartDate", Input.StartDate, text);
        // The use case runs even when a date was unreadable (it is then missing, so nothing is saved):
        // the form shows all its errors at once instead of one round per kind of error.
        {
            try
            {
                var learner = await register.HandleAsync(new RegisterLearnerCommand(SchoolId, Input.FirstNames, Input.CallName, Input.Prefix,
                    Input.LastName, birthDate, Input.Gender, Input.PersonalNumber, Input.PersonalNumberLastFour,
                    new AddressInput(Input.Street, Input.HouseNumber, Input.PostalCode, Input.City, Input.MunicipalityCode),
                    startDate, Input.GroupId, Input.ConfirmNotDuplicate), ct);
                TempData["Melding"] = text["{0} is ingeschreven.", learner.DisplayName].Value;
                return Redirect($"/School/Leerlingen/{learner.Id}");
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddDomainErrors(ex, text, new Dictionary<string, string> { ["duplicate"] = "Input.ConfirmNotDuplicate" });
                DuplicateWarning = ex.Errors.ContainsKey("duplicate");
            }
        }
        Groups = await schools.GroupsAsync(SchoolId, ct: ct);
        return Page();
    }

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();
}
