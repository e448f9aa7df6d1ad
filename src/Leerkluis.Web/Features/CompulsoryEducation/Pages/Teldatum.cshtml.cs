using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.CompulsoryEducation.Pages;

/// <summary>The DUO count (teldatum, 1 October) of the admin's school for a chosen school year, split by year group, with CSV.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class TeldatumModel(CountDateQuery counts, CurrentActor current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "schooljaar")] public string? Year { get; set; }
    public CountDateReport Report { get; private set; } = null!;
    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Report = await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var report = await LoadAsync(ct);
        return File(CountDateQuery.ToCsv(report), "text/csv; charset=utf-8", $"teldatum-{report.SchoolCode}-{report.SchoolYear}.csv");
    }

    private async Task<CountDateReport> LoadAsync(CancellationToken ct)
    {
        var thisYear = SchoolYear.Containing(Amsterdam.Today(clock));
        Years = Enumerable.Range(0, 6).Select(i => new SchoolYear(thisYear.StartYear - i)).ToList();
        var year = SchoolYear.TryParse(Year, out var y) ? y : thisYear;
        Year = year.ToString();
        return await counts.CountAsync(current.Value.SchoolId ?? throw new NotFoundException(), year, ct);
    }
}
