using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Leerkluis.Web.Platform.Web;

/// <summary>
/// Pages live in their feature's folder (Features/Attendance/Leave/Pages/Wachtrij.cshtml) and name their Dutch URL
/// with an absolute route (<c>@page "/School/Verlof"</c>): the URL is what people know, the folder is where the use
/// case lives (ADR 0010). Razor gives an Index page the two routes "/X" and "/X/Index" only when the route follows the
/// folder; this convention gives an absolute route ending an Index page the same second route, so a URL stays a URL
/// whichever folder the page is in.
/// </summary>
public sealed class PageRoutes : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (!model.RelativePath.EndsWith("/Index.cshtml", StringComparison.Ordinal)) return;
        foreach (var selector in model.Selectors.ToList())
        {
            if (selector.AttributeRouteModel?.Template is not { } template) continue;
            if (template.EndsWith("Index", StringComparison.Ordinal) || template.Contains('{', StringComparison.Ordinal)) continue;
            if (model.Selectors.Any(s => s.AttributeRouteModel?.Template == template + "/Index")) continue;
            model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel
                {
                    Template = template.Length == 0 ? "Index" : template + "/Index",
                    // Links generated for the page use the short form.
                    SuppressLinkGeneration = true,
                },
            });
        }
    }
}
