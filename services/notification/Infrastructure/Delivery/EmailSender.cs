using MedMassage.Notification.Api.Domain.Messages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>
/// Sends email over SMTP (<c>ConnectionStrings:smtp</c>, <c>smtp://host:port</c>, or <c>smtps://</c> for TLS), one
/// connection per dispatch pass (<see cref="EmailSession"/>). The Message-ID is derived from the message's id, so
/// should a crash make us send again, mail systems can recognise the copy.
/// </summary>
internal sealed class EmailSender(SmtpEndpoint endpoint, IOptions<NotificationOptions> options, ILogger<EmailSender> logger) : IChannelSender
{
    public Channel Channel => Channel.Email;

    public IChannelSession OpenSession() => new EmailSession(endpoint, options.Value.EmailFrom, logger);

    public static MimeMessage Compose(Message message, string from)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.Id:N}@medmassage.local",
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.Body },
        };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Headers.Add("X-MedMassage-Message", message.Id.ToString());
        mime.Headers.Add("Content-Language", message.Language);
        return mime;
    }
}

public sealed record SmtpEndpoint(string Host, int Port, bool UseTls)
{
    public static SmtpEndpoint Parse(string connectionString)
    {
        var uri = new Uri(connectionString);
        var tls = uri.Scheme.Equals("smtps", StringComparison.OrdinalIgnoreCase);
        return new SmtpEndpoint(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 465 : 25) : uri.Port, tls);
    }
}
