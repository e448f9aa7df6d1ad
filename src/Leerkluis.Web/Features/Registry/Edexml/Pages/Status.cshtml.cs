using Leerkluis.Web.Features.Registry.Edexml;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Edexml.Pages;

/// <summary>Progress and outcome of one import; refreshes itself while the import runs (no JavaScript needed).</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class StatusModel(LeerkluisDb db, CurrentActor current) : PageModel
{
    public PendingImport Import { get; private set; } = null!;
    public bool Running => Import.Status is PendingImportStatus.Queued or PendingImportStatus.Running;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = current.Value;
        var found = await db.Set<PendingImport>().AsNoTracking().Where(p => p.Id == id && p.SchoolId == actor.SchoolId)
            .Select(p => new PendingImport
            {
                Id = p.Id, SchoolId = p.SchoolId, FileName = p.FileName, Status = p.Status, Done = p.Done, Total = p.Total, SkipInvalid = p.SkipInvalid,
                Created = p.Created, Updated = p.Updated, Unchanged = p.Unchanged, Skipped = p.Skipped, ProblemText = p.ProblemText, CreatedUtc = p.CreatedUtc,
            })
            .FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        Import = found;
        return Page();
    }
}
