using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>
/// POST target for an "invite" button elsewhere (the learner card): sends the invitation and goes back to the
/// page the button was on, with the outcome in TempData["Notice"] (and TempData["NoticeKind"] = "ok" or "err").
/// </summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class UitnodigenModel(GuardianInvitations invitations, IStringLocalizer<AccountText> text) : AccountPageModel(text)
{
    /// <summary>Nothing to show: the button's form posts here.</summary>
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid guardianId, string? returnUrl, CancellationToken ct)
    {
        try
        {
            await invitations.InviteAsync(guardianId, ct);
            TempData["Notice"] = T["De uitnodiging is verstuurd. De ouder/verzorger ontvangt een e-mail met een link om een wachtwoord te kiezen."].Value;
            TempData["NoticeKind"] = "ok";
        }
        catch (ValidationFailedException e)
        {
            TempData["Notice"] = string.Join(" ", e.Errors.Values.SelectMany(m => m).Select(m => T[m].Value));
            TempData["NoticeKind"] = "err";
        }
        return SafeRedirect(returnUrl);
    }
}
