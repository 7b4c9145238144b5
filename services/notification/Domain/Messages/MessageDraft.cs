namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>What a message is, before it is addressed: the event it comes from and why, and where it belongs.</summary>
public sealed record MessageDraft(
    Guid SourceEventId,
    MessageType Type,
    MessageCategory Category,
    string TimeZone,
    Guid? LocationId = null,
    Guid? AppointmentId = null,
    string? PurposeSuffix = null)
{
    /// <summary>Part of the idempotency key: one event can cause several messages to one person (a confirmation and reminders).</summary>
    public string Purpose => PurposeSuffix is null ? Type.ToString() : $"{Type}:{PurposeSuffix}";
}
