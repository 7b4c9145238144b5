using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>
/// The channel sessions of one dispatch pass: a channel is opened at its first message of the pass, so a pass
/// without e-mails never touches the SMTP server, and all are closed together when the pass ends.
/// </summary>
internal sealed class ChannelSessions(IEnumerable<IChannelSender> senders) : IAsyncDisposable
{
    private readonly Dictionary<Channel, IChannelSession> _open = [];

    /// <summary>Throws when no sender serves the channel, which fails the message like any other refusal.</summary>
    public IChannelSession For(Channel channel)
    {
        if (!_open.TryGetValue(channel, out var session))
        {
            session = senders.Single(s => s.Channel == channel).OpenSession();
            _open[channel] = session;
        }
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _open.Values)
        {
            await session.DisposeAsync();
        }
        _open.Clear();
    }
}
