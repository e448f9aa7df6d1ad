using System.Security.Claims;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Leerkluis.Web.Features.Accounts;

public sealed record LoginRequest(string? Email, string? Password, string? Code);
public sealed record LoginResult(string DisplayName, string Role, bool TwoFactor);

/// <summary>
/// Cookie log-in for API clients (and the test and benchmark harnesses): the same checks as the log-in page —
/// lockout after failed attempts, rate limit per address, the authenticator code for accounts with two-factor,
/// and staff without two-factor get no staff access until they set it up.
/// </summary>
public static class LoginApi
{
    public static RouteGroupBuilder MapLoginApi(this RouteGroupBuilder api)
    {
        api.MapPost("/account/login", LoginAsync).AllowAnonymous().RequireRateLimiting("login").WithTags("Account").DisableAntiforgery();
        api.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Authenticated).WithTags("Account");
        return api;
    }

    private static async Task<IResult> LoginAsync(LoginRequest r, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        new Validation().Require("email", r.Email, "E-mailadres", 256).Require("password", r.Password, "Wachtwoord", 200).ThrowIfInvalid();
        var user = await users.FindByEmailAsync(r.Email!.Trim());
        if (user is null) return Failed();
        var check = await signIn.CheckPasswordSignInAsync(user, r.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut) return Locked();
        if (!check.Succeeded) return Failed();

        var mfa = false;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(r.Code))
                throw ValidationFailedException.For("code", "Voer de code uit uw authenticator-app in.");
            var code = r.Code.Replace(" ", "").Replace("-", "");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user)) return Locked();
                throw ValidationFailedException.For("code", "Deze code klopt niet. Gebruik de code die nu in uw app staat.");
            }
            await users.ResetAccessFailedCountAsync(user);
            mfa = true;
        }
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, mfa ? [new Claim(Policies.MfaClaim, "mfa")] : []);
        return TypedResults.Ok(new LoginResult(user.DisplayName, role, mfa));
    }

    private static ProblemHttpResult Failed() => TypedResults.Problem(title: "E-mailadres of wachtwoord klopt niet.", statusCode: StatusCodes.Status401Unauthorized);
    private static ProblemHttpResult Locked() => TypedResults.Problem(title: "Te veel mislukte pogingen. Het account is 15 minuten geblokkeerd.", statusCode: StatusCodes.Status423Locked);
}
