using System.Globalization;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

/// <summary>
/// What the three trail pages share: the GET filter form (van, tot, onderdeel, ookInzage, pagina; a shareable URL,
/// no JavaScript), its checks, and the paging links. Each page supplies the query and the heading.
/// </summary>
public abstract class TrailPageModel(IStringLocalizer<SharedText> text) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "van")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "onderdeel")] public Section? Section { get; set; }
    [BindProperty(SupportsGet = true, Name = "ookInzage")] public bool IncludeTrailReads { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    private static readonly Dictionary<string, string> FieldKeys = new() { ["tot"] = "tot", ["pagina"] = "pagina", ["perPagina"] = "pagina" };

    public TrailPage Result { get; protected set; } = new([], 0, 1, PageSize);
    /// <summary>Staff views show which learner an entry is about; a learner's own trail does not need to.</summary>
    public virtual bool ShowLearner => true;
    public virtual bool ShowAddress => false;

    /// <summary>The sections a person can filter on (the trail's own reads are the "ookInzage" box).</summary>
    public static IReadOnlyList<Section> Sections { get; } = Enum.GetValues<Section>().Where(s => s != Platform.Access.Section.AuditTrail).ToList();

    /// <summary>The filter from the form, or null (with field errors) when a date cannot be read or the period is reversed.</summary>
    protected TrailFilter? ReadFilter(int pageSize = PageSize)
    {
        var from = ModelState.ParseDate("van", From, text);
        var to = ModelState.ParseDate("tot", To, text);
        if (!ModelState.IsValid) return null;
        return new TrailFilter(from, to, Section, IncludeTrailReads, Math.Max(1, PageNumber), pageSize);
    }

    /// <summary>Runs the query; a broken rule of the filter becomes a field error instead of an error page.</summary>
    protected async Task LoadAsync(Func<TrailFilter, Task<TrailPage>> query)
    {
        if (ReadFilter() is not { } filter) return;
        try { Result = await query(filter); }
        catch (ValidationFailedException ex) { ModelState.AddDomainErrors(ex, text, FieldKeys); }
    }

    /// <summary>The current filters with another page number (or none), for paging and export links.</summary>
    public IDictionary<string, string> RouteFor(int? page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(From)) values["van"] = From;
        if (!string.IsNullOrWhiteSpace(To)) values["tot"] = To;
        if (Section is { } s) values["onderdeel"] = s.ToString();
        if (IncludeTrailReads) values["ookInzage"] = "true";
        if (page is > 1) values["pagina"] = page.Value.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
