using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>
/// A delivery channel. Messages reach it through a session that lives for one dispatch pass, so a channel that
/// talks over a connection (SMTP) pays for connecting once per pass instead of once per message.
/// </summary>
public interface IChannelSender
{
    Channel Channel { get; }

    /// <summary>Opens the channel for one pass; a session connects, if it must, only when its first message goes.</summary>
    IChannelSession OpenSession();
}

/// <summary>Hands messages to a channel during one pass; disposing it ends the pass's use of the channel.</summary>
public interface IChannelSession : IAsyncDisposable
{
    /// <summary>Throws when the channel did not accept the message; that fails this message, not the session.</summary>
    Task SendAsync(Message message, CancellationToken ct);
}

/// <summary>The channel's server could not be reached at all: not this message's fault, and no attempt of it.</summary>
public sealed class ChannelUnavailableException(Channel channel, Exception inner)
    : Exception($"The {channel} server could not be reached: {inner.Message}", inner)
{
    public Channel Channel { get; } = channel;
}

/// <summary>The session of a channel that keeps nothing between messages.</summary>
internal sealed class StatelessSession(Func<Message, CancellationToken, Task> send) : IChannelSession
{
    public Task SendAsync(Message message, CancellationToken ct) => send(message, ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The in-app inbox is the message row itself: delivering it is recording it as sent.</summary>
internal sealed class InboxSender : IChannelSender
{
    private static readonly StatelessSession Session = new((_, _) => Task.CompletedTask);

    public Channel Channel => Channel.InApp;

    public IChannelSession OpenSession() => Session;
}
