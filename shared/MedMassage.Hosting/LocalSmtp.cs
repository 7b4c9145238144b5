using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace MedMassage.Hosting;

/// <summary>
/// A real SMTP server for development (Debian's <c>python3-aiosmtpd</c>) that keeps every message it accepts in
/// a Maildir, so what the suite sent can be read back.
/// </summary>
public sealed class LocalSmtpResource(string name, string command, string workingDirectory, int port, string mailDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    /// <summary>The Maildir: every accepted message lands in its <c>new/</c> folder.</summary>
    public string MailDirectory { get; } = mailDirectory;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"smtp://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
}

public static class LocalSmtpExtensions
{
    public static IResourceBuilder<LocalSmtpResource> AddLocalSmtp(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        const string python = "/usr/bin/python3"; // Debian's, which has the package; another python3 on PATH may not
        if (!File.Exists(python) || !Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            throw new MissingServerException("python3-aiosmtpd", "aiosmtpd");
        }
        var mailbox = Path.Combine(LocalServer.DataDirectory(builder, name), "mailbox");
        var resource = new LocalSmtpResource(name, python, LocalServer.StateDirectory(builder), port ?? FreePort.Next(), mailbox);
        return builder.AddResource(resource)
            .WithArgs("-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{resource.Port}", "-c", "aiosmtpd.handlers.Mailbox", mailbox)
            .WithLoopbackEndpoint("smtp", resource.Port)
            // aiosmtpd refuses every message unless the Maildir's three folders exist.
            .BeforeStart(_ =>
            {
                foreach (var folder in new[] { "cur", "new", "tmp" })
                {
                    Directory.CreateDirectory(Path.Combine(mailbox, folder));
                }
                return Task.CompletedTask;
            })
            .WithProtocolProbe(new ProtocolProbe(resource.Port, ReadOnlyMemory<byte>.Empty,
                (buffer, read) => Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal)))
            .WithIconName("Mail");
    }
}
