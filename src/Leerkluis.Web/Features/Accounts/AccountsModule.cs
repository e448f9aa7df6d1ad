using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Leerkluis.Web.Features.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config)
    {
        // Invitations get their own token provider so they can live a week while a forgotten-password link
        // keeps Identity's default lifespan of one day.
        services.Configure<InvitationTokenProviderOptions>(o => o.TokenLifespan = config.GetValue("Accounts:InvitationLifespan", TimeSpan.FromDays(7)));
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider)));

        services.AddScoped<AccountLinks>();
        services.AddScoped<AccountMail>();
        services.AddScoped<GuardianInvitations>();
        services.AddScoped<PasswordReset>();
        return services;
    }

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapLoginApi();
        api.MapPost("/guardians/{guardianId:guid}/invite", async (Guid guardianId, GuardianInvitations invitations, CancellationToken ct) =>
            {
                await invitations.InviteAsync(guardianId, ct);
                return TypedResults.Accepted((string?)null);
            })
            .RequireAuthorization(Policies.SchoolAdmin).WithTags("Guardians")
            .WithSummary("Sends the guardian a one-time link to choose a password (creates the account when needed).");
        return api;
    }
}

/// <summary>Options of <see cref="InvitationTokenProvider"/>; a type of its own so its lifespan is set apart from the default provider's.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions() => Name = InvitationTokenProvider.ProviderName;
}

/// <summary>One-time activation links for invited accounts: bound to the security stamp, so setting the password spends them.</summary>
public sealed class InvitationTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtection,
    Microsoft.Extensions.Options.IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtection, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "ActivateAccount";
}
