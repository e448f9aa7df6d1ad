using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.CompulsoryEducation.Pages;

/// <summary>The attendance officer's caseload: the municipality's cases with filters (a GET form) and a CSV download of the same selection.</summary>
[Authorize(Policy = Policies.AttendanceOfficer)]
public sealed class IndexModel(Caseload caseload, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "vanaf")] public int? MinAge { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public int? MaxAge { get; set; }
    [BindProperty(SupportsGet = true, Name = "sinds")] public string? Since { get; set; }

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await caseload.ListAsync(Filter(), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(await caseload.ExportCsvAsync(Filter(), ct), "text/csv; charset=utf-8", "leerplicht-zaken.csv");

    private CaseFilter Filter() => new(Status, MinAge, MaxAge, ModelState.ParseDate("sinds", Since, text));

    public IDictionary<string, string> Query()
    {
        var q = new Dictionary<string, string>();
        if (Status is { } s) q["status"] = s.ToString();
        if (MinAge is { } min) q["vanaf"] = min.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (MaxAge is { } max) q["tot"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(Since)) q["sinds"] = Since;
        return q;
    }
}
