using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.AuditTrail.Pages;

/// <summary>
/// One's own trail: for a learner, who looked at their dossier; for everyone else (staff, officers, guardians),
/// what they themselves looked at or changed.
/// </summary>
[Authorize(Policy = Policies.Authenticated)]
public sealed class MijnSporenModel(AuditTrailQueries trail, CurrentActor current, IStringLocalizer<SharedText> text) : TrailPageModel(text)
{
    public bool OwnDossier { get; private set; }
    public override bool ShowLearner => !OwnDossier;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = current.Value;
        OwnDossier = actor.Role == Roles.Learner && actor.LearnerId is not null;
        await LoadAsync(f => OwnDossier ? trail.LearnerAsync(actor.LearnerId!.Value, f, ct) : trail.MineAsync(f, ct));
    }
}
