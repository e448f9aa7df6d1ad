using Leerkluis.Web.Features.Careers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Pages.Regio;

/// <summary>One candidate for the advisor: profile, route history, tasks, website submissions, duplicates and matches; next phase, contact, merge.</summary>
[Authorize(Policy = CareersPolicies.Advisor)]
public sealed class KandidaatModel(CandidateQueries queries, CandidateCommands commands, Matching matching) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ContactKind ContactKind { get; set; } = ContactKind.Call;
    [BindProperty] public string? Summary { get; set; }

    public CandidateCard Card { get; private set; } = null!;
    public IReadOnlyList<DuplicateView> Duplicates { get; private set; } = [];
    public IReadOnlyList<MatchView> Matches { get; private set; } = [];

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
    }
}
