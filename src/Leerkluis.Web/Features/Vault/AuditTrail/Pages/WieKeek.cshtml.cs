using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.AuditTrail.Pages;

/// <summary>"Wie keek er in mijn dossier" for a guardian, per child: the child's trail through the access decision.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class WieKeekModel(AuditTrailQueries trail, LearnerQueries learners, IStringLocalizer<SharedText> text) : TrailPageModel(text)
{
    public Guid Id { get; private set; }
    public string ChildName { get; private set; } = "";
    public override bool ShowLearner => false;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        // The guardian's own list (no dossier read); a child not on it gets the trail query's 404.
        ChildName = (await learners.MyChildrenAsync(ct)).FirstOrDefault(c => c.Id == id)?.Name ?? throw new NotFoundException();
        await LoadAsync(f => trail.LearnerAsync(id, f, ct));
    }
}
