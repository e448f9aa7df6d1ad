using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Features.Vault.Rights;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.Rights.Objections.Pages;

/// <summary>Objection to optional processing, per purpose: one button to object, one to withdraw.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class BezwaarModel(RightsAccess rights, LearnerQueries learners, Objections objections, IStringLocalizer<SharedText> text) : PageModel
{
    public LearnerCard Card { get; private set; } = null!;
    public IReadOnlyList<PurposeState> Purposes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await rights.HoldsAsync(id, Right.Objection, ct)) return NotFound();
        Card = await learners.CardAsync(id, ct);
        Purposes = await objections.ForLearnerAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostObjectAsync(Guid id, string? purpose, CancellationToken ct)
    {
        await objections.ObjectAsync(id, new ObjectionCommand(purpose), ct);
        TempData["Melding"] = text["Uw bezwaar is vastgelegd. De school houdt er vanaf nu rekening mee."].Value;
        return Redirect($"/Ouder/Kind/{id}/Bezwaar");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? purpose, CancellationToken ct)
    {
        await objections.WithdrawAsync(id, new ObjectionCommand(purpose), ct);
        TempData["Melding"] = text["Uw bezwaar is ingetrokken."].Value;
        return Redirect($"/Ouder/Kind/{id}/Bezwaar");
    }
}
