using Leerkluis.Web.Features.Attendance.Leave;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Leave.Pages;

/// <summary>The queue of leave requests for whoever decides them (the head, or the attendance officer).</summary>
public abstract class LeaveQueuePageModel(LeaveRequests leave) : PageModel
{
    public bool Decided { get; private set; }
    public IReadOnlyList<LeaveQueueRow> Rows { get; private set; } = [];
    /// <summary>Where one request opens: {base}/{learnerId}/{id}.</summary>
    public abstract string DetailBase { get; }

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Decided = status == "beslist";
        Rows = await leave.QueueAsync(Decided, ct);
    }
}

/// <summary>
/// One leave request for its decider: the request, its evidence (download), and the decision with a reason.
/// The use case decides who may decide (404 for anyone else); the page only shows and posts.
/// </summary>
public abstract class LeaveDecisionPageModel(LeaveRequests leave, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty] public string? Grant { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public LeaveView View { get; private set; } = null!;
    public abstract string QueuePath { get; }

    public async Task OnGetAsync(Guid learnerId, Guid id, CancellationToken ct) => View = await leave.GetAsync(learnerId, id, ct);

    public async Task<IActionResult> OnGetBewijsAsync(Guid learnerId, Guid id, CancellationToken ct)
    {
        var e = await leave.EvidenceAsync(learnerId, id, ct);
        return File(e.Content, e.ContentType, e.FileName);
    }

    public async Task<IActionResult> OnPostAsync(Guid learnerId, Guid id, CancellationToken ct)
    {
        bool? grant = Grant switch { "ja" => true, "nee" => false, _ => null };
        try
        {
            var decided = await leave.DecideAsync(learnerId, id, new DecideLeaveCommand(grant, Reason), ct);
            TempData["Melding"] = (decided.Status == "granted"
                ? text["Het verlof is toegekend. De ouders zien de beslissing; de absentieregistratie toont ‘verlof’."]
                : text["Het verlof is afgewezen. De ouders zien de beslissing met de reden."]).Value;
            return Redirect(QueuePath);
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text, new Dictionary<string, string> { ["grant"] = nameof(Grant), ["reason"] = nameof(Reason) });
        }
        View = await leave.GetAsync(learnerId, id, ct);
        return Page();
    }
}
