using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Leerkluis.Web.Platform.Mail;

/// <summary>Configuration section "Mail": SMTP when a host is set, otherwise .eml files in the outbox folder.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "Leerkluis <noreply@leerkluis.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpStartTls { get; set; } = true;
    public string OutboxFolder { get; set; } = "data/outbox";
}

public interface IMailer
{
    Task SendAsync(string to, string subject, string textBody, string? htmlBody = null, CancellationToken ct = default);
}

/// <summary>Real mail through MailKit, or the outbox folder for developers and tests.</summary>
public sealed class Mailer(Microsoft.Extensions.Options.IOptions<MailOptions> options, ILogger<Mailer> log) : IMailer
{
    public async Task SendAsync(string to, string subject, string textBody, string? htmlBody = null, CancellationToken ct = default)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var body = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody };
        message.Body = body.ToMessageBody();

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            Directory.CreateDirectory(o.OutboxFolder);
            var file = Path.Combine(o.OutboxFolder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
            log.WrittenToOutbox(file);
            return;
        }
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser)) await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.AddSingleton<IMailer, Mailer>();
        return services;
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class MailerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Mail written to outbox {File}")]
    public static partial void WrittenToOutbox(this ILogger log, string file);
}
