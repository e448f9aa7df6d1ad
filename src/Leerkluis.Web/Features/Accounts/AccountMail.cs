using System.Net;
using Leerkluis.Web.Platform.Mail;

namespace Leerkluis.Web.Features.Accounts;

/// <summary>The account e-mails, in Dutch (the language of the schools that send them), as plain text and simple HTML.</summary>
public sealed class AccountMail(IMailer mailer)
{
    public Task SendInvitationAsync(string to, string name, string link, TimeSpan validFor, CancellationToken ct) =>
        SendAsync(to, "Uw account voor Leerkluis",
            $"Beste {name},",
            [
                "De school van uw kind heeft een account voor u aangemaakt in Leerkluis. Daarin ziet u onder meer het dossier van uw kind en kunt u een absentie melden.",
                "Kies via deze link een wachtwoord. De link werkt één keer en is " + Days(validFor) + " geldig.",
            ],
            link, "Wachtwoord kiezen",
            "Heeft u deze uitnodiging niet verwacht? Neem dan contact op met de school; u hoeft verder niets te doen.", ct);

    public Task SendPasswordResetAsync(string to, string name, string link, CancellationToken ct) =>
        SendAsync(to, "Nieuw wachtwoord voor Leerkluis",
            $"Beste {name},",
            ["U heeft gevraagd om een nieuw wachtwoord voor Leerkluis. Kies via deze link een nieuw wachtwoord. De link werkt één keer en is 24 uur geldig."],
            link, "Nieuw wachtwoord kiezen",
            "Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.", ct);

    private Task SendAsync(string to, string subject, string greeting, string[] paragraphs, string link, string linkText, string footer, CancellationToken ct)
    {
        var text = $"{greeting}\n\n{string.Join("\n\n", paragraphs)}\n\n{link}\n\n{footer}\n\nMet vriendelijke groet,\nLeerkluis\n";
        static string e(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!doctype html><html lang="nl"><body style="font-family:sans-serif;line-height:1.5">
            <p>{e(greeting)}</p>
            {string.Concat(paragraphs.Select(p => $"<p>{e(p)}</p>"))}
            <p><a href="{e(link)}">{e(linkText)}</a></p>
            <p>{e(footer)}</p>
            <p>Met vriendelijke groet,<br>Leerkluis</p>
            </body></html>
            """;
        return mailer.SendAsync(to, subject, text, html, ct);
    }

    private static string Days(TimeSpan t) => t.TotalDays >= 2 ? $"{(int)t.TotalDays} dagen" : $"{(int)Math.Max(1, t.TotalHours)} uur";
}
