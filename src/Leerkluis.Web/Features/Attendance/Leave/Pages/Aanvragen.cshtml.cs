using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Features.Attendance.Notices;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Leave.Pages;

/// <summary>The guardian's leave requests for a child: the decisions with their reasons, a new request with evidence, withdrawing while undecided.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class AanvragenModel(LeaveRequests leave, LeerkluisDb db, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? Kind { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Reason { get; set; }
        public IFormFile? Evidence { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid LearnerId { get; private set; }
    public string LearnerName { get; private set; } = "";
    public IReadOnlyList<LeaveView> Requests { get; private set; } = [];

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var from = ModelState.ParseDate("Input.From", Input.From, text);
        var to = ModelState.ParseDate("Input.To", Input.To, text);
        EvidenceUpload? evidence = null;
        if (Input.Evidence is { Length: > 0 } file)
        {
            if (file.Length > EvidenceFile.MaxBytes)
                ModelState.AddModelError("Input.Evidence", text["Het bewijsstuk is groter dan 5 MB. Maak een kleinere scan of foto."]);
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                evidence = new EvidenceUpload(file.FileName, buffer.ToArray());
            }
        }
        if (ModelState.IsValid)
        {
            try
            {
                await leave.SubmitAsync(id, new SubmitLeaveCommand(Input.Kind, from, to, Input.Reason, evidence), ct);
                TempData["Melding"] = text["De verlofaanvraag is verstuurd. U krijgt bericht van de beslissing."].Value;
                return Redirect($"/Ouder/Absentie/{id}/Verlof");
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddDomainErrors(ex, text);
            }
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(Guid id, Guid requestId, CancellationToken ct)
    {
        try
        {
            await leave.WithdrawAsync(id, requestId, ct);
            TempData["Melding"] = text["De verlofaanvraag is ingetrokken."].Value;
        }
        catch (ValidationFailedException ex)
        {
            TempData["Melding"] = text[ex.Errors.Values.First()[0]].Value;
            TempData["NoticeKind"] = "err";
        }
        return Redirect($"/Ouder/Absentie/{id}/Verlof");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Requests = await leave.ForLearnerAsync(id, ct);
        LearnerId = id;
        LearnerName = await LearnerNames.OfAsync(db, id, ct);
    }
}
