using System.Security.Claims;
using System.Text;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Leerkluis.Web.Features.Accounts.Pages.TwoFactor;

/// <summary>
/// Links an authenticator app: shows the key (typed or scanned), checks one code, turns two-factor on, shows ten
/// recovery codes once, and signs the person in again with amr=mfa so a staff member can go straight on.
/// </summary>
[Authorize(Policy = Policies.Authenticated)]
public sealed class EnableModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> text)
    : AccountPageModel(text)
{
    public const string Issuer = "Leerkluis";

    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool AlreadyEnabled { get; private set; }
    public bool Required { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    /// <summary>Set only in the response that turned two-factor on; never stored.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string ContinueUrl => SafeReturnUrl(ReturnUrl) ?? "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Required = AccountRules.MustUseTwoFactor(User);
        AlreadyEnabled = user.TwoFactorEnabled;
        if (!AlreadyEnabled) await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Required = AccountRules.MustUseTwoFactor(User);
        var code = AccountRules.NormalizeCode(Code);
        if (code.Length == 0) Error(nameof(Code), "Vul de code uit uw authenticator-app in.");
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            Error(nameof(Code), "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en vul de code in die nu in de app staat.");
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // The code just checked is a second factor: a fresh cookie with amr=mfa opens the staff pages without logging in again.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Policies.MfaClaim, "mfa")]);
        AlreadyEnabled = true;
        return Page();
    }

    /// <summary>A new phone: the old key stops working and two-factor is off until the new app's code is checked.</summary>
    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // The stamp changed; refresh keeps this session (and its amr claim) valid.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { returnUrl = SafeReturnUrl(ReturnUrl) });
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = FormatKey(key);
        AuthenticatorUri = BuildUri(user.Email ?? user.UserName ?? "", key);
        using var qr = QRCodeGenerator.GenerateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(qr).GetGraphic(6));
    }

    /// <summary>Groups of four, lower case: easier to read aloud and type than one 32-character run.</summary>
    public static string FormatKey(string key)
    {
        var s = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (s.Length > 0) s.Append(' ');
            s.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return s.ToString().ToLowerInvariant();
    }

    public static string BuildUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
}
