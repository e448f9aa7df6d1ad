using System.Globalization;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Activities.Pages;

/// <summary>Upcoming orientation activities of every region (advisors register candidates across borders), and a form for a new one.</summary>
[Authorize(Policy = CareersPolicies.Advisor)]
public sealed class ActiviteitenModel(RegionActivities activities, CandidateQueries queries) : PageModel
{
    public sealed class NewActivity
    {
        public Guid RegionId { get; set; }
        public string? Title { get; set; }
        public string? Date { get; set; }
        public string? Time { get; set; }
        public string? Location { get; set; }
        public int Capacity { get; set; } = 20;
        public string? Description { get; set; }
    }

    [BindProperty] public NewActivity Input { get; set; } = new();
    public IReadOnlyList<ActivityView> Upcoming { get; private set; } = [];
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DateTime? starts = null;
        if (!Platform.Time.Amsterdam.TryParseDate(Input.Date?.Trim(), out var day))
            ModelState.AddModelError("Input.Date", "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 01-09-2026.");
        else if (!TimeOnly.TryParseExact(Input.Time?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            ModelState.AddModelError("Input.Time", "Vul de tijd in als uu:mm, bijvoorbeeld 19:30.");
        else starts = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Platform.Time.Amsterdam.Zone);
        if (ModelState.IsValid)
        {
            try
            {
                await activities.CreateAsync(new CreateActivityCommand(Input.RegionId, Input.Title, Input.Description, starts, Input.Location, Input.Capacity), ct);
                TempData["Melding"] = "De activiteit is toegevoegd.";
                return RedirectToPage();
            }
            catch (Platform.Errors.ValidationFailedException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                    foreach (var m in messages) ModelState.AddModelError(field == "startsUtc" ? "Input.Date" : Features.Shared.FormErrors.ToInputKey(field), m);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Upcoming = await activities.UpcomingAsync(null, ct);
        Regions = await queries.MyRegionsAsync(ct);
    }
}
