using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Leerkluis.Web.Features.Accounts;

/// <summary>
/// A school admin invites a guardian: the guardian's account is created (or found) and a one-time link to choose
/// a password is mailed. Only the admin of a school where one of the guardian's children is enrolled may do so;
/// anyone else gets "not found", so the guardian's existence does not leak.
/// </summary>
public sealed class GuardianInvitations(
    LeerkluisDb db,
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    CurrentActor current,
    AccountLinks links,
    AccountMail mail,
    TimeProvider clock,
    IOptions<InvitationTokenProviderOptions> tokenOptions,
    ILogger<GuardianInvitations> log)
{
    public async Task InviteAsync(Guid guardianId, CancellationToken ct = default)
    {
        var actor = current.Value;
        if (actor.Role != Roles.SchoolAdmin || actor.SchoolId is not { } schoolId) throw new NotFoundException();
        var today = Amsterdam.Today(clock);
        // An enrolment that has not ended counts, also one starting later: schools invite parents before the first day.
        var ofThisSchool = await db.LearnerGuardians.AsNoTracking()
            .Where(lg => lg.GuardianId == guardianId)
            .Join(db.Enrolments, lg => lg.LearnerId, e => e.LearnerId, (lg, e) => e)
            .AnyAsync(e => e.SchoolId == schoolId && (e.EndDate == null || e.EndDate >= today), ct);
        if (!ofThisSchool) throw new NotFoundException();
        var guardian = await db.Guardians.AsNoTracking().FirstOrDefaultAsync(g => g.Id == guardianId, ct) ?? throw new NotFoundException();
        var email = guardian.Email?.Trim();
        if (string.IsNullOrEmpty(email))
            throw ValidationFailedException.For("email", "Van deze ouder/verzorger is geen e-mailadres bekend. Vul het eerst in bij de gegevens van de ouder/verzorger.");

        var user = await users.Users.FirstOrDefaultAsync(u => u.GuardianId == guardianId, ct) ?? await CreateAccountAsync(guardian.Id, guardian.FullName, email);
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            // The school's registry holds the address; the link proves the new owner, so the login name follows it.
            await ThrowIfFailed(users.SetEmailAsync(user, email));
            await ThrowIfFailed(users.SetUserNameAsync(user, email));
        }

        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var link = links.Build("/Account/Activeren", new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["token"] = AccountLinks.EncodeToken(token),
        });
        await mail.SendInvitationAsync(email, user.DisplayName, link, tokenOptions.Value.TokenLifespan, ct);
        log.InvitationSent(guardianId, actor.UserId);
    }

    /// <summary>Checks an activation link without spending it (to show the form or say the link has expired).</summary>
    public async Task<AppUser?> FindByLinkAsync(Guid userId, string? encodedToken)
    {
        var token = AccountLinks.DecodeToken(encodedToken);
        if (token is null) return null;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return null;
        return await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token) ? user : null;
    }

    /// <summary>
    /// Sets the first password. The reset changes the security stamp, which the invitation token is bound to,
    /// so the link works once. Failed with "token" when the link is not (or no longer) valid.
    /// </summary>
    public async Task<(IdentityResult Result, AppUser? User)> ActivateAsync(Guid userId, string? encodedToken, string password)
    {
        var user = await FindByLinkAsync(userId, encodedToken);
        if (user is null) return (IdentityResult.Failed(users.ErrorDescriber.InvalidToken()), null);
        var reset = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, reset, password);
        if (!result.Succeeded) return (result, null);
        // Following the mailed link proved the address.
        user.EmailConfirmed = true;
        await ThrowIfFailed(users.UpdateAsync(user));
        return (result, user);
    }

    private async Task<AppUser> CreateAccountAsync(Guid guardianId, string name, string email)
    {
        if (await users.FindByEmailAsync(email) is not null)
            throw ValidationFailedException.For("email",
                "Er bestaat al een ander account met dit e-mailadres. Gebruik voor deze ouder/verzorger een eigen e-mailadres of neem contact op met de beheerder.");
        if (!await roles.RoleExistsAsync(Roles.Guardian)) await ThrowIfFailed(roles.CreateAsync(new AppRole(Roles.Guardian)));
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name, GuardianId = guardianId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await ThrowIfFailed(users.CreateAsync(user));
        await ThrowIfFailed(users.AddToRoleAsync(user, Roles.Guardian));
        return user;
    }

    private static async Task ThrowIfFailed(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded) throw new ValidationFailedException(IdentityMessages.ToErrors(result, "password"));
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class GuardianInvitationsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation sent for guardian {GuardianId} by user {UserId}")]
    public static partial void InvitationSent(this ILogger log, Guid guardianId, Guid? userId);
}
