using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>
/// The page behind the reset link. It does not sign in afterwards: the person logs in with the new password,
/// and staff then give their authenticator code as usual.
/// </summary>
[AllowAnonymous]
public sealed class WachtwoordHerstellenModel(PasswordReset reset, IStringLocalizer<AccountText> text) : AccountPageModel(text)
{
    [BindProperty(SupportsGet = true)] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public bool Done { get; private set; }
    public bool LinkValid { get; private set; } = true;

    public async Task OnGetAsync() => LinkValid = await reset.IsValidLinkAsync(UserId, Token);

    public async Task<IActionResult> OnPostAsync()
    {
        CheckNewPassword(NewPassword, ConfirmPassword, nameof(NewPassword), nameof(ConfirmPassword));
        if (!ModelState.IsValid) return Page();
        var result = await reset.ResetAsync(UserId, Token, NewPassword!);
        if (!result.Succeeded)
        {
            Errors(result, nameof(NewPassword));
            return Page();
        }
        Done = true;
        return Page();
    }
}
