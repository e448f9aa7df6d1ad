using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>Change the password while signed in; the current password is asked again so an unattended session cannot take the account.</summary>
[Authorize(Policy = Policies.Authenticated)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> text)
    : AccountPageModel(text)
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(CurrentPassword)) Error(nameof(CurrentPassword), "Vul uw huidige wachtwoord in.");
        CheckNewPassword(NewPassword, ConfirmPassword, nameof(NewPassword), nameof(ConfirmPassword));
        if (!ModelState.IsValid) return Page();

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                Error(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword), IdentityMessages.For(e));
            return Page();
        }
        // The security stamp changed; refresh keeps this session (with its amr claim), other sessions end at their next check.
        await signIn.RefreshSignInAsync(user);
        TempData["ManageNotice"] = "Uw wachtwoord is gewijzigd.";
        return RedirectToPage("./Manage");
    }
}
