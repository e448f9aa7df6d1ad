using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Rights.Corrections.Pages;

/// <summary>The school's queue of correction requests from families: open ones first, handled ones on request.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class IndexModel(CorrectionRequests corrections) : PageModel
{
    public bool Handled { get; private set; }
    public IReadOnlyList<CorrectionQueueRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Handled = status == "afgehandeld";
        Rows = await corrections.QueueAsync(Handled, ct);
    }
}
