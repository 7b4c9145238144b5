using MailKit.Net.Smtp;
using MailKit.Security;
using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>
/// One SMTP connection for the e-mails of one dispatch pass. Connecting (TCP, greeting, EHLO, TLS when configured)
/// costs more than sending a message, so it is paid once per pass: at the pass's first e-mail, ending with QUIT when
/// the pass is over. A connection that failed is never trusted again; the next e-mail of the pass opens a new one.
/// </summary>
internal sealed class EmailSession(SmtpEndpoint endpoint, string from, ILogger logger) : IChannelSession
{
    private const int CommandTimeoutMs = 10_000;

    // Every message already has the server's answer when QUIT goes: waiting long for it would only delay the next pass.
    private static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(2);

    private SmtpClient? _client;
    private ChannelUnavailableException? _unreachable;

    public async Task SendAsync(Message message, CancellationToken ct)
    {
        var mime = EmailSender.Compose(message, from);
        var client = await ConnectedAsync(ct);
        try
        {
            await client.SendAsync(mime, ct);
        }
        catch (Exception e) when (!(e is SmtpCommandException && client.IsConnected))
        {
            // Dropped, timed out, cancelled or out of step with the server: nothing more can go over this connection.
            // A refusal (SmtpCommandException, e.g. an unknown recipient) is different: MailKit resets the transaction
            // and the connection carries on with the next message, so only this message fails.
            Discard();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not { } client)
        {
            return;
        }
        _client = null;
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(QuitTimeout);
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception e)
        {
            // The outcome of every message is settled; a QUIT that fails changes none of them and must not fail the pass.
            logger.LogDebug("Closing the SMTP connection failed: {Error}", e.Message);
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true } open)
        {
            return open;
        }
        // A server that could not be reached this pass is not dialled again for each of the pass's other e-mails.
        if (_unreachable is { } unreachable)
        {
            throw unreachable;
        }
        Discard();
        var client = new SmtpClient { Timeout = CommandTimeoutMs };
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.UseTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            throw _unreachable = new ChannelUnavailableException(Channel.Email, e);
        }
        return _client = client;
    }

    /// <summary>Drops a connection without QUIT: after a failure the server may not be listening any more.</summary>
    private void Discard()
    {
        _client?.Dispose();
        _client = null;
    }
}
