using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>Hands a message to its channel; throws when the channel did not accept it.</summary>
public interface IChannelSender
{
    Channel Channel { get; }

    Task SendAsync(Message message, CancellationToken ct);
}

/// <summary>The in-app inbox is the message row itself: delivering it is recording it as sent.</summary>
internal sealed class InboxSender : IChannelSender
{
    public Channel Channel => Channel.InApp;

    public Task SendAsync(Message message, CancellationToken ct) => Task.CompletedTask;
}
