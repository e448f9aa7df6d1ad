using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Dashboard.Pages;

/// <summary>Counts for the advisor's regions, as server-rendered SVG bar charts with the same numbers in a table.</summary>
[Authorize(Policy = CareersPolicies.Advisor)]
public sealed class DashboardModel(CareerDashboard dashboard, CandidateQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public Guid? RegionId { get; set; }
    public DashboardView View { get; private set; } = null!;
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public IReadOnlyList<RegionFigures> AllRegions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Regions = await queries.MyRegionsAsync(ct);
        View = await dashboard.ForAsync(RegionId, ct);
        AllRegions = await dashboard.AcrossRegionsAsync(ct);
    }
}

/// <summary>A chart on the dashboard: its heading and bars (the partial draws the SVG and the table).</summary>
public sealed record Chart(string Id, string Title, IReadOnlyList<Bar> Bars, string NumberHeading, string EmptyText);
