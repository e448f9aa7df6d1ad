using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Registry.Learners.Pages;

/// <summary>The school's learner list: a GET form (shareable URL) over LearnerQueries.SearchAsync.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(LearnerQueries learners, SchoolCommands schools, CurrentActor current) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "groep")] public Guid? GroupId { get; set; }
    [BindProperty(SupportsGet = true, Name = "jaargroep")] public int? YearGroup { get; set; }
    [BindProperty(SupportsGet = true, Name = "onvolledig")] public bool IdentityIncomplete { get; set; }
    [BindProperty(SupportsGet = true, Name = "oud")] public bool IncludeFormer { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public LearnerPage Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    public IReadOnlyList<int> YearGroups { get; private set; } = [];
    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var schoolId = current.Value.SchoolId ?? throw new NotFoundException();
        Groups = await schools.GroupsAsync(schoolId, ct: ct);
        YearGroups = Groups.SelectMany(g => g.YearGroups).Distinct().Order().ToList();
        Result = await learners.SearchAsync(new LearnerSearch(Q, GroupId, YearGroup, IdentityIncomplete ? true : null,
            IncludeFormer, Math.Max(1, PageNumber), PageSize), ct);
    }

    /// <summary>The current filters with another page number, for the paging links.</summary>
    public IDictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Q)) values["q"] = Q;
        if (GroupId is { } g) values["groep"] = g.ToString();
        if (YearGroup is { } y) values["jaargroep"] = y.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (IdentityIncomplete) values["onvolledig"] = "true";
        if (IncludeFormer) values["oud"] = "true";
        if (page > 1) values["pagina"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
