using System.Net;
using Leerkluis.Web.Features.Accounts;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Leerkluis.Web.Features.Careers.Invitations;

/// <summary>
/// The advisor invites a candidate to the portal: a log-in without password is created (or found) for the candidate's
/// e-mail address and a one-time link to /Account/Activeren is mailed (the Accounts slice's invitation token and page).
/// </summary>
public sealed class CandidateInvitations(LeerkluisDb db, CareerScope scope, UserManager<AppUser> users, RoleManager<AppRole> roles,
    AccountLinks links, IMailer mailer, TimeProvider clock, IOptions<InvitationTokenProviderOptions> tokenOptions, ILogger<CandidateInvitations> log)
{
    public async Task InviteAsync(Guid candidateId, CancellationToken ct)
    {
        var candidate = await scope.CandidateAsync(candidateId, work: true, ct);
        var email = candidate.Email?.Trim();
        if (string.IsNullOrEmpty(email)) throw ValidationFailedException.For("email", "Van deze kandidaat is geen e-mailadres bekend. Vul het eerst in bij de gegevens.");
        if (!candidate.HasConsent) throw ValidationFailedException.For("consent", "Deze kandidaat heeft geen (of ingetrokken) toestemming; nodig hem of haar niet uit.");

        var user = candidate.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            if (await users.FindByEmailAsync(email) is not null)
                throw ValidationFailedException.For("email", "Er bestaat al een ander account met dit e-mailadres. Vraag de kandidaat om een eigen e-mailadres.");
            if (!await roles.RoleExistsAsync(Roles.Candidate)) Check(await roles.CreateAsync(new AppRole(Roles.Candidate)));
            user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = candidate.FullName, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.Candidate));
            candidate.UserId = user.Id;
        }
        else if (await users.HasPasswordAsync(user))
            throw ValidationFailedException.For("email", "De kandidaat heeft al een account met wachtwoord; bij een vergeten wachtwoord helpt 'Wachtwoord vergeten'.");

        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var link = links.Build("/Account/Activeren", new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["token"] = AccountLinks.EncodeToken(token) });
        var region = await db.Set<Region>().Where(r => r.Id == candidate.RegionId).Select(r => r.Name).FirstAsync(ct);
        var days = (int)Math.Round(tokenOptions.Value.TokenLifespan.TotalDays);
        var text = $"Beste {candidate.FirstName},\n\nJe adviseur van {region} nodigt je uit voor je eigen pagina: daar zie je je route naar het onderwijs, " +
                   $"activiteiten om je voor aan te melden en je gegevens.\n\nKies via deze link een wachtwoord (de link werkt één keer en is {days} dagen geldig):\n{link}\n";
        var html = $"<p>Beste {WebUtility.HtmlEncode(candidate.FirstName)},</p><p>Je adviseur van {WebUtility.HtmlEncode(region)} nodigt je uit voor je eigen pagina: " +
                   $"daar zie je je route naar het onderwijs, activiteiten om je voor aan te melden en je gegevens.</p>" +
                   $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Wachtwoord kiezen</a> (de link werkt één keer en is {days} dagen geldig).</p>";
        await mailer.SendAsync(email, $"Je eigen pagina bij {region}", text, html, ct);
        db.Add(new ContactMoment { Id = Guid.CreateVersion7(), CandidateId = candidate.Id, Kind = ContactKind.Email, AtUtc = clock.GetUtcNow().UtcDateTime,
            AuthorUserId = scope.Actor.UserId, AuthorName = await scope.ActorNameAsync(ct), Summary = "Uitgenodigd voor de eigen pagina (portaal)." });
        await db.SaveChangesAsync(ct);
        log.PortalInvitationSent(candidate.Id);
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new ValidationFailedException(new Dictionary<string, string[]> { ["email"] = r.Errors.Select(e => e.Description).ToArray() });
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class CandidateInvitationsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Portal invitation sent for candidate {CandidateId}")]
    public static partial void PortalInvitationSent(this ILogger log, Guid candidateId);
}
