using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Leerkluis.Web.Features.Accounts;

/// <summary>"Forgot password" for every account: mails a one-time link, and answers the same whether or not the address is known.</summary>
public sealed class PasswordReset(UserManager<AppUser> users, AccountLinks links, AccountMail mail, ILogger<PasswordReset> log)
{
    public async Task RequestAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.Email is null)
        {
            log.ResetForUnknownAddress();
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Build("/Account/WachtwoordHerstellen", new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["token"] = AccountLinks.EncodeToken(token),
        });
        await mail.SendPasswordResetAsync(user.Email, user.DisplayName, link, ct);
    }

    /// <summary>Checks a reset link without spending it, so the page can say at once that it has expired.</summary>
    public async Task<bool> IsValidLinkAsync(Guid userId, string? encodedToken)
    {
        var token = AccountLinks.DecodeToken(encodedToken);
        var user = await users.FindByIdAsync(userId.ToString());
        return token is not null && user is not null &&
            await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>Failed with "token" when the link is invalid, expired or already used; field errors for a weak password.</summary>
    public async Task<IdentityResult> ResetAsync(Guid userId, string? encodedToken, string password)
    {
        var token = AccountLinks.DecodeToken(encodedToken);
        var user = await users.FindByIdAsync(userId.ToString());
        if (token is null || user is null) return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        return await users.ResetPasswordAsync(user, token, password);
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class PasswordResetLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset asked for an unknown address")]
    public static partial void ResetForUnknownAddress(this ILogger log);
}
