using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.CompulsoryEducation.Pages;

/// <summary>Upload of the municipality's resident list: first a report (problems by line, what would happen), then confirmation.</summary>
[Authorize(Policy = Policies.AttendanceOfficer)]
public sealed class LijstModel(ResidentListImport import, Caseload caseload) : PageModel
{
    public ResidentListReport? Report { get; private set; }
    public string? FileName { get; private set; }
    public bool Done { get; private set; }

    public void OnGet() => caseload.Municipality();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Kies een CSV-bestand met de inwonerslijst.");
            return Page();
        }
        FileName = Path.GetFileName(file.FileName);
        await using var upload = file.OpenReadStream();
        Report = await import.PreviewAsync(upload, FileName, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid uploadId, CancellationToken ct)
    {
        try
        {
            Report = await import.ConfirmAsync(uploadId, ct);
            Done = true;
        }
        catch (ValidationFailedException)
        {
            ModelState.AddModelError("", "De lijst is niet meer geldig; upload hem opnieuw.");
        }
        return Page();
    }
}
