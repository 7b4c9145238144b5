using System.Text;
using MedMassage.Testing;
using MimeKit;

namespace MedMassage.Notification.Api.Tests.Support;

/// <summary>Reads what the real SMTP server received.</summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> MailTo(this InfrastructureFixture infrastructure, string address) =>
        [.. infrastructure.Smtp!.Messages()
            .Select(raw => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw))))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public static Task<IReadOnlyList<MimeMessage>> WaitForMailAsync(this InfrastructureFixture infrastructure, string address, int count = 1, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(() => Task.FromResult(infrastructure.MailTo(address)), m => m.Count >= count, timeout ?? TimeSpan.FromSeconds(30), $"{count} email(s) to {address}");

    public static string Unique(string prefix = "patient") => $"{prefix}-{Guid.NewGuid():N}@example.test";
}
