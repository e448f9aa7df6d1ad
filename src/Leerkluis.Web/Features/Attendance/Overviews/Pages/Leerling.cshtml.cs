using Leerkluis.Web.Features.Attendance.Overviews;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Overviews.Pages;

/// <summary>One learner's attendance over a period, printable: every record with its code, totals per category, attendance %.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LeerlingModel(AttendanceOverviews overviews, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "van")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public string? To { get; set; }
    public LearnerOverview? Overview { get; private set; }

    public async Task OnGetAsync(Guid learnerId, CancellationToken ct)
    {
        var from = ModelState.ParseDate("van", From, text);
        var to = ModelState.ParseDate("tot", To, text);
        if (!ModelState.IsValid) return;
        try
        {
            Overview = await overviews.ForLearnerAsync(learnerId, from, to, ct);
            From = Platform.Time.Amsterdam.Date(Overview.From);
            To = Platform.Time.Amsterdam.Date(Overview.To);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddDomainErrors(e, text, new Dictionary<string, string> { ["to"] = "tot", ["from"] = "van" });
        }
    }
}
