using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.Consent.Pages;

/// <summary>A guardian manages a child's consents (under 16; from 16 they only see them).</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class OuderToestemmingModel(ConsentQueries queries, ConsentCommands commands, TimeProvider clock, IStringLocalizer<SharedText> text)
    : ConsentPageModel(queries, commands, clock, text)
{
    private Guid _id;
    protected override Guid Learner(Guid? routeId) => _id = routeId ?? throw new NotFoundException();
    public override string PagePath => $"/Ouder/Kind/{_id}/Toestemming";
}
