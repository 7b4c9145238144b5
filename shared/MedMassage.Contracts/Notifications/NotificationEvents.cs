namespace MedMassage.Contracts.Notifications;

public sealed record NotificationDeliveryFailed(
    Guid NotificationId,
    Guid SourceEventId,
    string Channel,
    string Recipient,
    string Reason,
    int Attempts) : IntegrationEvent;
