using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Vault.Consent.Pages.Partner;

/// <summary>One learner as the partner may see them: the card shows only the granted sections (never the PGN).</summary>
[Authorize(Policy = Policies.PartnerStaff)]
public sealed class LeerlingModel(ConsentQueries consents, LearnerQueries learners, DossierGuard guard) : PageModel
{
    public string Name { get; private set; } = "";
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public DateOnly ValidUntil { get; private set; }
    public LearnerCard? Card { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var received = await consents.ReceivedAsync(id, ct);
        // No consent (any more): the guard refuses, records the attempt on an existing dossier, and answers 404.
        if (received.Count == 0) await guard.RequireAsync(id, Section.Personalia, Operation.Read, AuditEvent.Registry_PartnerCard, ct);
        if (received.Count == 0) throw new NotFoundException();
        Name = received[0].LearnerName;
        Sections = received.SelectMany(r => r.Sections).Distinct().Select(Enum.Parse<Section>).Order().ToList();
        ValidUntil = received.Max(r => r.ValidUntil);
        // The card asks the access decision per section, so it shows exactly what is granted today.
        if (Sections.Contains(Section.Personalia)) Card = await learners.CardAsync(id, ct);
    }
}
