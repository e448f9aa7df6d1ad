using Leerkluis.Web.Features.Careers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Careers.Catalog.Pages;

/// <summary>Per region of the advisor: schools, boards, programmes and municipalities with contact persons, and the website form's embed code.</summary>
[Authorize(Policy = CareersPolicies.Advisor)]
public sealed class OrganisatiesModel(CareerCatalog catalog) : PageModel
{
    public IReadOnlyList<RegionOverview> Overview { get; private set; } = [];
    public IReadOnlyDictionary<Guid, RegionDetails> Details { get; private set; } = new Dictionary<Guid, RegionDetails>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await catalog.OverviewAsync(ct);
        Details = (await catalog.MyRegionDetailsAsync(ct)).ToDictionary(d => d.Id);
    }

    public string EmbedCode(RegionDetails r) =>
        $"<div id=\"leerkluis-aanmelden\"></div>\n<script src=\"{Request.Scheme}://{Request.Host}/api/v1/intake/form.js\" data-key=\"{r.IntakeKey}\"></script>";

    public static string KindLabel(PartnerKind k) => k switch
    {
        PartnerKind.School => "School", PartnerKind.Board => "Bestuur", PartnerKind.TrainingProgramme => "Lerarenopleiding", PartnerKind.Municipality => "Gemeente", _ => k.ToString(),
    };
}
