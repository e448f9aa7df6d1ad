using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Leerkluis.Web.Platform.Web;

/// <summary>Transition only: pages not yet moved to their feature keep the URL they had under Pages/.</summary>
public sealed class LegacyPagesFolder : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (!model.ViewEnginePath.StartsWith("/Pages/", StringComparison.Ordinal)) return;
        foreach (var selector in model.Selectors)
        {
            if (selector.AttributeRouteModel?.Template is not { } template) continue;
            if (template == "Pages") selector.AttributeRouteModel.Template = "";
            else if (template.StartsWith("Pages/", StringComparison.Ordinal)) selector.AttributeRouteModel.Template = template["Pages/".Length..];
        }
    }
}
