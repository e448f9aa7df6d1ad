using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.Consent.Pages;

/// <summary>The learner's own consents: managed from 16 (AgeRules), only seen before that.</summary>
[Authorize(Policy = Policies.Learner)]
public sealed class LeerlingToestemmingModel(ConsentQueries queries, ConsentCommands commands, CurrentActor current, TimeProvider clock, IStringLocalizer<SharedText> text)
    : ConsentPageModel(queries, commands, clock, text)
{
    protected override Guid Learner(Guid? routeId) => current.Value.LearnerId ?? throw new NotFoundException();
    public override string PagePath => "/Leerling/Toestemming";
}
