using System.Net.Sockets;
using System.Text;

namespace MedMassage.Hosting;

/// <summary>
/// A real SMTP server for development (Debian's <c>python3-aiosmtpd</c>) that keeps every message it accepts
/// in a Maildir, so what the suite sent can be read back.
/// </summary>
public sealed class LocalSmtp(string stateDirectory) : LocalServer("smtp", stateDirectory)
{
    public string MailDirectory => Path.Combine(DataDirectory, "mailbox");

    public override string ConnectionString => $"smtp://127.0.0.1:{Port}";

    public override async Task StartAsync(CancellationToken ct)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || !Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            throw new MissingServerException("python3-aiosmtpd", "aiosmtpd");
        }
        foreach (var sub in new[] { "cur", "new", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(MailDirectory, sub)); // aiosmtpd refuses every message without them
        }
        Process = ChildProcess.Start(python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDirectory],
            log: Log);
        await WaitUntilReadyAsync(GreetsAsync, TimeSpan.FromSeconds(30), ct);
    }

    /// <summary>The raw messages delivered so far.</summary>
    public IReadOnlyList<string> Messages() =>
        [.. Directory.GetFiles(Path.Combine(MailDirectory, "new")).Concat(Directory.GetFiles(Path.Combine(MailDirectory, "cur")))
            .OrderBy(File.GetLastWriteTimeUtc).Select(File.ReadAllText)];

    private async Task<bool> GreetsAsync(CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, ct);
            var buffer = new byte[64];
            var read = await client.GetStream().ReadAsync(buffer, ct);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }
}
