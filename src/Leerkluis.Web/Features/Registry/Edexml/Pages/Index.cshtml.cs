using Leerkluis.Web.Features.Registry.Edexml;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Edexml.Pages;

/// <summary>Edexml import: upload, preview (what will be created, updated, unchanged; every problem with its line), then import.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class IndexModel(LeerkluisDb db, EdexmlImporter importer, ImportQueue queue, CurrentActor current, TimeProvider clock) : PageModel
{
    public EdexmlImportPlan? Plan { get; private set; }
    public Guid? ImportId { get; private set; }
    public string? FileName { get; private set; }
    public Guid SchoolId => current.Value.SchoolId ?? Guid.Empty;

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        var actor = current.Value;
        if (actor.SchoolId is not { } schoolId || actor.UserId is null) return NotFound();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Kies een Edexml-bestand (.xml) om te importeren.");
            return Page();
        }
        await using var buffer = new MemoryStream();
        await using (var upload = file.OpenReadStream()) await upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        Plan = await importer.PreviewAsync(buffer, schoolId, ct);
        FileName = Path.GetFileName(file.FileName);
        if (!Plan.IsUnreadable)
        {
            var pending = PendingImport.Upload(actor, schoolId, FileName, buffer.ToArray(), PendingImportStatus.Previewed, false, clock.GetUtcNow().UtcDateTime);
            pending.Total = Plan.Records.Count;
            db.Add(pending);
            await db.SaveChangesAsync(ct);
            ImportId = pending.Id;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid importId, bool skipInvalid, CancellationToken ct)
    {
        var actor = current.Value;
        var pending = await db.Set<PendingImport>().FirstOrDefaultAsync(p => p.Id == importId && p.SchoolId == actor.SchoolId
            && p.UserId == actor.UserId && p.Status == PendingImportStatus.Previewed, ct);
        if (pending is null) return NotFound();
        pending.Status = PendingImportStatus.Queued;
        pending.SkipInvalid = skipInvalid;
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(pending.Id, actor, ct);
        return RedirectToPage("Status", new { id = pending.Id });
    }
}
