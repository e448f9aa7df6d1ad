using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.SavedSearches;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Candidates.Pages;

/// <summary>The advisor's pipeline: a board per phase or a list, with search and filters (a GET form, so the URL is shareable).</summary>
[Authorize(Policy = CareersPolicies.Advisor)]
public sealed class IndexModel(CandidateQueries queries, SavedSearchStore savedSearches) : PageModel
{
    public const int PerPhase = 25;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "vak")] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public Sector? Sector { get; set; }
    [BindProperty(SupportsGet = true, Name = "fase")] public Phase? Phase { get; set; }
    [BindProperty(SupportsGet = true, Name = "regio")] public Guid? RegionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "eigenaar")] public Guid? OwnerId { get; set; }
    [BindProperty(SupportsGet = true, Name = "beschikbaar")] public string? AvailableBy { get; set; }
    [BindProperty(SupportsGet = true, Name = "weergave")] public string? View { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    [BindProperty] public string? SearchName { get; set; }
    public IReadOnlyList<SavedSearchView> Saved { get; private set; } = [];

    public bool IsList => View == "lijst";
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public IReadOnlyDictionary<Phase, (int Total, IReadOnlyList<CandidateRow> Rows)> Board { get; private set; } = new Dictionary<Phase, (int, IReadOnlyList<CandidateRow>)>();
    public CandidatePage List { get; private set; } = new([], 0, 1, 50);

    public CandidateSearch Search => new(Q, string.IsNullOrEmpty(Subject) ? null : Subject, Sector, Phase, RegionId, OwnerId,
        Platform.Time.Amsterdam.TryParseDate(AvailableBy, out var d) ? d : null, Math.Max(1, PageNumber), 50);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Saves the filters in the URL under a name (the form posts to the same URL, so the query string is the search).</summary>
    public async Task<IActionResult> OnPostSaveSearchAsync(CancellationToken ct)
    {
        try { await savedSearches.SaveAsync(new SaveSearchCommand(SearchName, QueryWith(IsList ? "lijst" : null)), ct); }
        catch (Platform.Errors.ValidationFailedException ex)
        {
            foreach (var (_, messages) in ex.Errors) foreach (var m in messages) ModelState.AddModelError(nameof(SearchName), m);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Melding"] = "De zoekopdracht is bewaard.";
        return Redirect("/Regio?" + QueryWith(IsList ? "lijst" : null));
    }

    public async Task<IActionResult> OnPostDeleteSearchAsync(Guid searchId, CancellationToken ct)
    {
        await savedSearches.DeleteAsync(searchId, ct);
        TempData["Melding"] = "De zoekopdracht is verwijderd.";
        return Redirect("/Regio");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Saved = await savedSearches.MineAsync(ct);
        Regions = await queries.MyRegionsAsync(ct);
        if (IsList) List = await queries.SearchAsync(Search, ct);
        else Board = await queries.BoardAsync(Search, PerPhase, ct);
    }

    /// <summary>The current filters as query string (for the CSV link and the view switch).</summary>
    public string QueryWith(string? view = null, bool forApi = false)
    {
        var p = new List<string>();
        void Add(string k, string? v) { if (!string.IsNullOrEmpty(v)) p.Add($"{k}={Uri.EscapeDataString(v)}"); }
        Add(forApi ? "q" : "q", Q);
        Add(forApi ? "subject" : "vak", Subject);
        Add(forApi ? "sector" : "sector", Sector?.ToString());
        Add(forApi ? "phase" : "fase", Phase?.ToString());
        Add(forApi ? "regionId" : "regio", RegionId?.ToString());
        Add(forApi ? "ownerId" : "eigenaar", OwnerId?.ToString());
        if (forApi) Add("availableBy", Search.AvailableBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else Add("beschikbaar", AvailableBy);
        Add("weergave", view);
        return string.Join("&", p);
    }
}
