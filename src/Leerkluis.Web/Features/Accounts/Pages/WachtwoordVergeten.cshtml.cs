using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>Asks for a reset link. The answer is the same for known and unknown addresses (no account enumeration).</summary>
[AllowAnonymous]
[EnableRateLimiting("login")]
public sealed class WachtwoordVergetenModel(PasswordReset reset, IStringLocalizer<AccountText> text) : AccountPageModel(text)
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) Error(nameof(Email), "Vul uw e-mailadres in.");
        else if (!Email.Contains('@') || Email.Length > 256) Error(nameof(Email), "Dit is geen geldig e-mailadres.");
        if (!ModelState.IsValid) return Page();
        await reset.RequestAsync(Email!, ct);
        Sent = true;
        return Page();
    }
}
