using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Consent.Pages.Partner;

/// <summary>Partner staff (e.g. a samenwerkingsverband): the learners whose consent their organisation holds today.</summary>
[Authorize(Policy = Policies.PartnerStaff)]
public sealed class IndexModel(ConsentQueries consents) : PageModel
{
    public IReadOnlyList<ReceivedConsent> Received { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Received = await consents.ReceivedAsync(null, ct);
}
