using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Activities;
using Leerkluis.Web.Features.Careers.Documents;
using Leerkluis.Web.Features.Careers.Introductions;
using Leerkluis.Web.Features.Careers.Invitations;
using Leerkluis.Web.Features.Careers.Matching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Candidates.Pages;

/// <summary>One candidate for the advisor: profile, route history, tasks, website submissions, duplicates and matches; next phase, contact, merge.</summary>
[Authorize(Policy = CareersPolicies.Advisor)]
public sealed class KandidaatModel(CandidateQueries queries, CandidateCommands commands, CandidateMatches matching, RegionActivities activities, CandidateIntroductions introductions, CandidateDocuments documents, CandidateInvitations invitations) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ContactKind ContactKind { get; set; } = ContactKind.Call;
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? TaskTitle { get; set; }
    [BindProperty] public string? TaskDue { get; set; }
    [BindProperty] public Guid? TargetRegionId { get; set; }

    public CandidateCard Card { get; private set; } = null!;
    public IReadOnlyList<DuplicateView> Duplicates { get; private set; } = [];
    public IReadOnlyList<MatchView> Matches { get; private set; } = [];
    public IReadOnlyList<RegionView> AllRegions { get; private set; } = [];
    /// <summary>Upcoming activities of every region the candidate is not yet registered for.</summary>
    public IReadOnlyList<ActivityView> OpenActivities { get; private set; } = [];
    [BindProperty] public Guid? ActivityId { get; set; }
    public IReadOnlyList<IntroductionView> Introduced { get; private set; } = [];
    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public DocumentKind UploadKind { get; set; } = DocumentKind.Cv;
    public string? ProposeError { get; private set; }
    public string? InviteError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAdvanceAsync(CancellationToken ct)
    {
        var phase = await commands.AdvanceAsync(Id, ct);
        TempData["Melding"] = $"Naar fase {CareerCodes.PhaseLabel(phase)}.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        try { await commands.AddContactAsync(Id, new AddContactCommand(ContactKind, Summary), ct); }
        catch (Platform.Errors.ValidationFailedException ex)
        {
            foreach (var (_, messages) in ex.Errors) foreach (var m in messages) ModelState.AddModelError(nameof(Summary), m);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Melding"] = "Contactmoment vastgelegd.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostTaskAsync(CancellationToken ct)
    {
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(TaskDue))
        {
            if (Platform.Time.Amsterdam.TryParseDate(TaskDue.Trim(), out var d)) due = d;
            else ModelState.AddModelError(nameof(TaskDue), "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 01-09-2026.");
        }
        if (ModelState.IsValid)
        {
            try
            {
                await commands.AddTaskAsync(Id, new AddTaskCommand(TaskTitle, due), ct);
                TempData["Melding"] = "Taak toegevoegd.";
                return RedirectToPage(new { Id });
            }
            catch (Platform.Errors.ValidationFailedException ex)
            {
                foreach (var (_, messages) in ex.Errors) foreach (var m in messages) ModelState.AddModelError(nameof(TaskTitle), m);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTaskDoneAsync(Guid taskId, CancellationToken ct)
    {
        await commands.CompleteTaskAsync(Id, taskId, ct);
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostShareAsync(bool handover, CancellationToken ct)
    {
        if (TargetRegionId is not { } region) return RedirectToPage(new { Id });
        if (handover)
        {
            await commands.HandoverAsync(Id, region, ct);
            TempData["Melding"] = "De kandidaat is overgedragen; de geschiedenis gaat mee.";
            // After a handover to another desk the candidate is no longer ours to see.
            return Redirect("/Regio");
        }
        await commands.ShareAsync(Id, region, ct);
        TempData["Melding"] = "De kandidaat is gedeeld.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        if (ActivityId is not { } activityId) return RedirectToPage(new { Id });
        try { await activities.RegisterAsync(activityId, Id, ct); }
        catch (Platform.Errors.ValidationFailedException ex)
        {
            foreach (var (_, messages) in ex.Errors) foreach (var m in messages) ModelState.AddModelError(nameof(ActivityId), m);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Melding"] = "Aangemeld voor de activiteit.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostProposeAsync(MatchKind kind, Guid targetId, CancellationToken ct)
    {
        try { await introductions.ProposeAsync(Id, new ProposeCommand(kind, targetId), ct); }
        catch (Platform.Errors.ValidationFailedException ex)
        {
            ProposeError = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            await LoadAsync(ct);
            return Page();
        }
        TempData["Melding"] = "De kandidaat is voorgesteld.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostIntroductionStatusAsync(Guid introductionId, IntroductionStatus status, CancellationToken ct)
    {
        await introductions.SetStatusAsync(introductionId, status, ct);
        TempData["Melding"] = "De status van het voorstel is bijgewerkt.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostDocumentAsync(CancellationToken ct)
    {
        try
        {
            byte[] content = [];
            // Read no more than one byte past the limit: enough to refuse an oversized file without holding all of it.
            if (Upload is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await using var stream = Upload.OpenReadStream();
                var chunk = new byte[81920];
                int read;
                while (buffer.Length <= DocumentRules.MaxBytes && (read = await stream.ReadAsync(chunk, ct)) > 0) buffer.Write(chunk, 0, read);
                content = buffer.ToArray();
            }
            await documents.UploadAsync(Id, UploadKind, Upload?.FileName, content, ct);
        }
        catch (Platform.Errors.ValidationFailedException ex)
        {
            foreach (var (_, messages) in ex.Errors) foreach (var m in messages) ModelState.AddModelError(nameof(Upload), m);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Melding"] = "Het document is toegevoegd.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        try { await invitations.InviteAsync(Id, ct); }
        catch (Platform.Errors.ValidationFailedException ex)
        {
            InviteError = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            await LoadAsync(ct);
            return Page();
        }
        TempData["Melding"] = "De uitnodiging is verstuurd.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid duplicateId, CancellationToken ct)
    {
        await commands.MergeAsync(Id, duplicateId, ct);
        TempData["Melding"] = "Samengevoegd; de geschiedenis van beide is bewaard.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid submissionId, CancellationToken ct)
    {
        await commands.ApplyIntakeAsync(Id, submissionId, ct);
        TempData["Melding"] = "Aanmelding verwerkt.";
        return RedirectToPage(new { Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Card = await queries.CardAsync(Id, ct);
        Duplicates = await queries.DuplicatesAsync(Id, ct);
        Matches = await matching.ForCandidateAsync(Id, 10, ct);
        AllRegions = (await queries.AllRegionsAsync(ct)).Where(r => r.Id != Card.Details.RegionId).ToList();
        Introduced = await introductions.ForCandidateAsync(Id, ct);
        Documents = await documents.ListAsync(Id, ct);
        var registered = await activities.RegisteredActivityIdsAsync(Id, ct);
        OpenActivities = (await activities.UpcomingAsync(null, ct)).Where(a => !registered.Contains(a.Id)).ToList();
    }
}
