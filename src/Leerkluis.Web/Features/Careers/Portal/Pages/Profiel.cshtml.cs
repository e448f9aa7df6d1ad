using System.Globalization;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Careers.Portal.Pages;

/// <summary>The candidate corrects and completes their own profile (AVG rectification); the same rules as the advisor's (CandidateWrite).</summary>
[Authorize(Policy = CareersPolicies.Candidate)]
public sealed class ProfielModel(CandidatePortal portal, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
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
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = (await portal.ViewAsync(ct)).Profile;
        Input = new InputModel
        {
            FirstName = p.FirstName, LastName = p.LastName, Email = p.Email, Phone = p.Phone, BirthDate = Iso(p.BirthDate), City = p.City,
            PriorEducation = p.PriorEducation, EducationLevel = p.EducationLevel, CurrentProfession = p.CurrentProfession,
            Subjects = p.Subjects?.ToList() ?? [], Po = p.Po, Vo = p.Vo, Mbo = p.Mbo, AvailableFrom = Iso(p.AvailableFrom), HoursPerWeek = p.HoursPerWeek,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var born = ModelState.ParseDate("Input.BirthDate", Input.BirthDate, text);
        var available = ModelState.ParseDate("Input.AvailableFrom", Input.AvailableFrom, text);
        if (ModelState.IsValid)
        {
            var current = (await portal.ViewAsync(ct)).Profile;
            try
            {
                await portal.UpdateAsync(current with
                {
                    FirstName = Input.FirstName, LastName = Input.LastName, Email = Input.Email, Phone = Input.Phone, BirthDate = born, City = Input.City,
                    PriorEducation = Input.PriorEducation, EducationLevel = Input.EducationLevel, CurrentProfession = Input.CurrentProfession,
                    Subjects = Input.Subjects, Po = Input.Po, Vo = Input.Vo, Mbo = Input.Mbo, AvailableFrom = available, HoursPerWeek = Input.HoursPerWeek,
                }, ct);
                TempData["Melding"] = text["De gegevens zijn opgeslagen."].Value;
                return Redirect("/Overstapper");
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddDomainErrors(ex, text);
            }
        }
        return Page();
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
