namespace MedMassage.Messaging.Inbox;

/// <summary>A message whose effect a consumer has applied.</summary>
public sealed class ProcessedMessage
{
    public string Consumer { get; private set; } = "";
    public Guid MessageId { get; private set; }
    public DateTimeOffset ProcessedAt { get; private set; }
}
