using Leerkluis.Web.Features.Attendance.Overviews;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Overviews.Pages;

/// <summary>The school's attendance over a period: percentages per category, absence per week as a chart and a table, CSV.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OverzichtModel(AttendanceOverviews overviews, CurrentActor current, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "van")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public string? To { get; set; }
    public SchoolOverview? Overview { get; private set; }

    private Guid SchoolId => current.Value.SchoolId ?? throw new NotFoundException();

    public async Task OnGetAsync(CancellationToken ct) => Overview = await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var o = await LoadAsync(ct);
        return o is null ? Page() : File(AttendanceOverviews.Csv(o), "text/csv; charset=utf-8", $"aanwezigheid-{o.From:yyyy-MM-dd}-{o.To:yyyy-MM-dd}.csv");
    }

    private async Task<SchoolOverview?> LoadAsync(CancellationToken ct)
    {
        var from = ModelState.ParseDate("van", From, text);
        var to = ModelState.ParseDate("tot", To, text);
        if (!ModelState.IsValid) return null;
        try
        {
            var o = await overviews.ForSchoolAsync(SchoolId, from, to, ct);
            From = Platform.Time.Amsterdam.Date(o.From);
            To = Platform.Time.Amsterdam.Date(o.To);
            return o;
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddDomainErrors(e, text, new Dictionary<string, string> { ["to"] = "tot", ["from"] = "van" });
            return null;
        }
    }
}
