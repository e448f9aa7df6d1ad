using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Careers.Candidates.Pages;

/// <summary>The advisor registers a candidate by hand (after a call or an event); possible duplicates are shown before anything is saved.</summary>
[Authorize(Policy = CareersPolicies.Advisor)]
public sealed class NieuwModel(CandidateQueries queries, CandidateCommands commands, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public Guid RegionId { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? BirthDate { get; set; }
        public string? City { get; set; }
        public string? PriorEducation { get; set; }
        public EducationLevel? EducationLevel { get; set; }
        public string? CurrentProfession { get; set; }
        public List<string> Subjects { get; set; } = [];
        public bool Po { get; set; }
        public bool Vo { get; set; }
        public bool Mbo { get; set; }
        public string? AvailableFrom { get; set; }
        public int? HoursPerWeek { get; set; }
        public List<string> RouteOptions { get; set; } = [];
        public bool Consent { get; set; }
        /// <summary>Set after the advisor has seen the duplicate warning and still wants a new record.</summary>
        public bool SaveDespiteDuplicates { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public IReadOnlyList<DuplicateView> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Regions = await queries.MyRegionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Regions = await queries.MyRegionsAsync(ct);
        var born = ModelState.ParseDate("Input.BirthDate", Input.BirthDate, text);
        var available = ModelState.ParseDate("Input.AvailableFrom", Input.AvailableFrom, text);
        if (!ModelState.IsValid) return Page();
        var profile = new CandidateProfile(Input.FirstName, Input.LastName, Input.Email, Input.Phone, born, Input.City, Input.PriorEducation, Input.EducationLevel,
            Input.CurrentProfession, Input.Subjects, Input.Po, Input.Vo, Input.Mbo, [], available, Input.HoursPerWeek, Input.RouteOptions, []);
        var check = CandidateWrite.Check(profile);
        if (!check.IsValid)
        {
            ModelState.AddDomainErrors(new ValidationFailedException(check.Errors), text);
            return Page();
        }
        if (!Input.SaveDespiteDuplicates)
        {
            Duplicates = await queries.PossibleDuplicatesAsync(profile, ct);
            if (Duplicates.Count > 0) return Page();
        }
        try
        {
            var candidate = await commands.CreateAsync(new CreateCandidateCommand(Input.RegionId, profile, Input.Consent, null), ct);
            TempData["Melding"] = text["De kandidaat is toegevoegd."].Value;
            return Redirect($"/Regio/Kandidaat/{candidate.Id}");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
            return Page();
        }
    }
}
