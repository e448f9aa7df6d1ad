using System.Security.Claims;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Leerkluis.Web.Features.Accounts;

/// <summary>Who must use a second factor (DESIGN §4: staff and officers); guardians and learners may.</summary>
public static class AccountRules
{
    public static readonly string[] TwoFactorRoles = Roles.NeedTwoFactor;

    public static bool MustUseTwoFactor(IEnumerable<string> roles) => roles.Any(r => TwoFactorRoles.Contains(r));

    public static bool MustUseTwoFactor(ClaimsPrincipal user) => TwoFactorRoles.Any(user.IsInRole);

    public static bool PassedSecondFactor(ClaimsPrincipal user) => user.HasClaim(Policies.MfaClaim, "mfa");

    public const int MinimumPasswordLength = 10;

    /// <summary>Strips the spaces and hyphens people type when copying a code from their app.</summary>
    public static string NormalizeCode(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();
}

/// <summary>Identity's error descriptions are English; the forms show Dutch messages keyed by the error code.</summary>
public static class IdentityMessages
{
    public static string For(IdentityError e) => e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"Het wachtwoord moet ten minste {AccountRules.MinimumPasswordLength} tekens lang zijn.",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Het wachtwoord moet ten minste één cijfer bevatten.",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Het wachtwoord moet ten minste één kleine letter bevatten.",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Het wachtwoord moet ten minste één hoofdletter bevatten.",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "Het wachtwoord moet ten minste één leesteken bevatten.",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Het wachtwoord bevat te weinig verschillende tekens.",
        nameof(IdentityErrorDescriber.PasswordMismatch) => "Het huidige wachtwoord klopt niet.",
        nameof(IdentityErrorDescriber.InvalidToken) => "Deze link is niet meer geldig. Vraag een nieuwe aan.",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "Er bestaat al een account met dit e-mailadres.",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "Dit is geen geldig e-mailadres.",
        _ => "Dat lukte niet. Probeer het opnieuw.",
    };

    /// <summary>Token problems belong to the link ("token"), everything else to the given field.</summary>
    public static Dictionary<string, string[]> ToErrors(IdentityResult result, string field) =>
        result.Errors.GroupBy(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "token" : field)
            .ToDictionary(g => g.Key, g => g.Select(For).Distinct().ToArray());
}
