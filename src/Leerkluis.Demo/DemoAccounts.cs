using System.Security.Cryptography;
using System.Text;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Leerkluis.Demo;

public sealed record DemoLogin(string Role, string Email, string Password, string DisplayName, string Description, string? AuthenticatorKey);

/// <summary>
/// Creates the demo log-ins through Identity (hashing, normalisation and security stamps as in real use).
/// Staff and the platform admin must pass TOTP, so each gets two-factor switched on with a FIXED authenticator
/// key derived from the seed and the e-mail address: the same demo database can be rebuilt without re-enrolling
/// the authenticator app. Never use this outside a demo: anyone with the seed knows the keys.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Leerkluis-demo-2026";

    // Identity's own store names for the authenticator key (UserStoreBase.InternalLoginProvider / AuthenticatorKeyTokenName);
    // UserManager.ResetAuthenticatorKeyAsync would only make a random one.
    private const string InternalLoginProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyTokenName = "AuthenticatorKey";

    public static async Task<IReadOnlyList<DemoLogin>> CreateAsync(UserManager<AppUser> users, RoleManager<AppRole> roles,
        IEnumerable<DemoAccountSpec> accounts, int seed, TimeProvider clock)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new AppRole(role)), role);

        var logins = new List<DemoLogin>();
        foreach (var a in accounts)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = a.Email, Email = a.Email, EmailConfirmed = true, DisplayName = a.DisplayName,
                StaffId = a.StaffId, GuardianId = a.GuardianId, LearnerId = a.LearnerId, PreferredCulture = "nl-NL",
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(user, Password), a.Email);
            Check(await users.AddToRoleAsync(user, a.Role), a.Email);
            string? key = null;
            if (NeedsTwoFactor(a.Role))
            {
                key = AuthenticatorKey(seed, a.Email);
                Check(await users.SetAuthenticationTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, key), a.Email);
                Check(await users.SetTwoFactorEnabledAsync(user, true), a.Email);
            }
            logins.Add(new DemoLogin(a.Role, a.Email, Password, a.DisplayName, a.Description, key));
        }
        return logins;
    }

    public static bool NeedsTwoFactor(string role) => Roles.NeedTwoFactor.Contains(role);

    /// <summary>160 bits in base32 (32 characters), the size Identity itself generates.</summary>
    public static string AuthenticatorKey(int seed, string email)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"leerkluis-demo:{seed}:{email.ToLowerInvariant()}"))[..20];
        return OtpNet.Base32Encoding.ToString(bytes);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
