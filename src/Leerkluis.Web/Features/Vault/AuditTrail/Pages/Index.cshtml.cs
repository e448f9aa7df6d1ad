using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.AuditTrail.Pages;

/// <summary>The school admin's trail of the school (what its staff did in dossiers), filterable, with a CSV download.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class IndexModel(AuditTrailQueries trail, IStringLocalizer<SharedText> text) : TrailPageModel(text)
{
    public override bool ShowAddress => true;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(f => trail.SchoolAsync(f, ct));

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (ReadFilter() is not { } filter)
        {
            await LoadAsync(f => trail.SchoolAsync(f, ct));
            return Page();
        }
        var rows = trail.SchoolExportAsync(filter, ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"logboek-school.csv\"";
        await TrailCsv.WriteAsync(rows, Response.Body, ct);
        return new EmptyResult();
    }
}
