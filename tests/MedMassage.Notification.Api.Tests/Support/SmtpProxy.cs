using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MedMassage.Notification.Api.Tests.Support;

/// <summary>
/// Stands between the service and the real SMTP server, as the network would: records every SMTP session and what
/// it carried, and can make a recipient be refused or the connection drop at one, which aiosmtpd's Maildir handler
/// alone cannot. Reading commands line by line is safe because the server offers no PIPELINING (aiosmtpd does not),
/// so the client waits for each reply before its next command.
/// </summary>
public sealed class SmtpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly ConcurrentQueue<SmtpSession> _sessions = new();
    private readonly ConcurrentDictionary<string, Fault> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private enum Fault { Refuse, Drop }

    public SmtpProxy(string upstreamConnectionString)
    {
        _upstreamPort = new Uri(upstreamConnectionString).Port;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string ConnectionString => $"smtp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Every connection made so far, in the order they were accepted.</summary>
    public IReadOnlyList<SmtpSession> Sessions => [.. _sessions];

    /// <summary>RCPT TO this address is answered 550, as a server answers for a mailbox it does not have.</summary>
    public void Refuse(string address) => _faults[address] = Fault.Refuse;

    /// <summary>The connection is cut when RCPT TO this address arrives.</summary>
    public void DropAt(string address) => _faults[address] = Fault.Drop;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            var session = new SmtpSession();
            _sessions.Enqueue(session);
            _ = RelayAsync(client, session);
        }
    }

    private async Task RelayAsync(TcpClient client, SmtpSession session)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
            var replies = Quietly(server.GetStream().CopyToAsync(client.GetStream(), _stop.Token));
            var commands = Quietly(ForwardCommandsAsync(client.GetStream(), server.GetStream(), session));
            await Task.WhenAny(replies, commands);
            client.Close(); // either side ending ends the session for both
            server.Close();
            await Task.WhenAll(replies, commands);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException) { }
        finally
        {
            client.Dispose();
            session.Closed = true;
        }
    }

    private async Task ForwardCommandsAsync(NetworkStream client, NetworkStream server, SmtpSession session)
    {
        var buffer = new byte[8192];
        var line = new MemoryStream();
        var inData = false;
        int read;
        while ((read = await client.ReadAsync(buffer, _stop.Token)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                line.WriteByte(buffer[i]);
                if (buffer[i] != '\n')
                {
                    continue;
                }
                var bytes = line.ToArray();
                line.SetLength(0);
                var text = Encoding.Latin1.GetString(bytes).TrimEnd('\r', '\n');
                if (inData)
                {
                    inData = text != ".";
                }
                else if (text.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase))
                {
                    var address = text[(text.IndexOf('<', StringComparison.Ordinal) + 1)..text.IndexOf('>', StringComparison.Ordinal)];
                    if (_faults.TryGetValue(address, out var fault))
                    {
                        if (fault == Fault.Drop)
                        {
                            return; // cut, mid-transaction
                        }
                        session.Refuse(address);
                        await client.WriteAsync(Encoding.ASCII.GetBytes($"550 5.1.1 <{address}>: Recipient address rejected: no such mailbox\r\n"), _stop.Token);
                        continue;
                    }
                    session.Accept(address);
                }
                else
                {
                    inData = text.Equals("DATA", StringComparison.OrdinalIgnoreCase);
                    session.Quit = session.Quit || text.Equals("QUIT", StringComparison.OrdinalIgnoreCase);
                }
                await server.WriteAsync(bytes, _stop.Token);
            }
        }
    }

    private static async Task Quietly(Task task)
    {
        try { await task; }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }
}
