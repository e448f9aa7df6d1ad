using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>The page behind the invitation link: the guardian chooses a password, is signed in and lands on the parent portal.</summary>
[AllowAnonymous]
public sealed class ActiverenModel(GuardianInvitations invitations, SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<AccountText> text)
    : AccountPageModel(text)
{
    [BindProperty(SupportsGet = true)] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool LinkValid { get; private set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await invitations.FindByLinkAsync(UserId, Token);
        LinkValid = user is not null;
        Email = user?.Email;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        CheckNewPassword(NewPassword, ConfirmPassword, nameof(NewPassword), nameof(ConfirmPassword));
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        var (result, user) = await invitations.ActivateAsync(UserId, Token, NewPassword!);
        if (user is null)
        {
            Errors(result, nameof(NewPassword));
            await OnGetAsync();
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        if (user.GuardianId is not null) return LocalRedirect("/Ouder");
        return await AfterSignInAsync(users, user, null);
    }
}
