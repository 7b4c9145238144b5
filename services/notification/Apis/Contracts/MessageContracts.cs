using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Apis.Contracts;

public sealed record MessageSummary(
    Guid Id,
    Guid SourceEventId,
    string Type,
    string Category,
    string Channel,
    string Recipient,
    string RecipientKey,
    Guid? AppointmentId,
    string Status,
    DateTimeOffset DueAt,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt)
{
    public static MessageSummary From(Message m) => new(
        m.Id, m.SourceEventId, m.MessageType.ToString(), m.Category.ToString(), m.Channel.ToString(), m.Recipient, m.RecipientKey,
        m.AppointmentId, m.Status.ToString(), m.DueAt, m.Attempts, m.LastError, m.CreatedAt, m.SentAt);
}

public sealed record LogEntryResponse(DateTimeOffset At, string Status, int Attempt, string? Detail);

/// <summary>A message with its delivery log, for staff tracing what happened to it.</summary>
public sealed record MessageDetails(MessageSummary Message, string Language, string Subject, IReadOnlyList<LogEntryResponse> Log);

public sealed record InboxItem(Guid Id, string Type, string Subject, string Body, DateTimeOffset DeliveredAt, DateTimeOffset? ReadAt);

public sealed record PreferencesRequest(
    string? Channel,
    string? Language,
    bool RemindersOptedOut,
    bool ClinicalOptedOut,
    string? QuietHoursStart,
    string? QuietHoursEnd);

public sealed record PreferencesResponse(
    Guid PatientId,
    string Channel,
    string Language,
    bool RemindersOptedOut,
    bool ClinicalOptedOut,
    string? QuietHoursStart,
    string? QuietHoursEnd,
    DateTimeOffset UpdatedAt);
