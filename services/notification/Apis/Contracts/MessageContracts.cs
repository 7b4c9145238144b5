using System.ComponentModel.DataAnnotations;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Preferences;
using MedMassage.ServiceDefaults;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Notification.Api.Apis.Contracts;

/// <summary>
/// A message in the delivery log. <see cref="Recipient"/> (an email address or phone number) is null for callers who
/// see delivery metadata only; errors then have the address masked.
/// </summary>
public sealed record MessageSummary(
    Guid Id,
    Guid SourceEventId,
    [OneOf(typeof(MessageType))] string Type,
    [OneOf(typeof(MessageCategory))] string Category,
    [OneOf(typeof(Channel))] string Channel,
    string? Recipient,
    string RecipientKey,
    Guid? AppointmentId,
    [OneOf(typeof(MessageStatus))] string Status,
    DateTimeOffset DueAt,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt)
{
    public const string Masked = "[recipient]";

    public static MessageSummary From(Message m, bool withContent) => new(
        m.Id, m.SourceEventId, m.MessageType.WireName(), m.Category.WireName(), m.Channel.WireName(), withContent ? m.Recipient : null, m.RecipientKey,
        m.AppointmentId, m.Status.WireName(), m.DueAt, m.Attempts, withContent ? m.LastError : Mask(m.LastError, m), m.CreatedAt, m.SentAt);

    /// <summary>Transport errors may quote the address they failed on.</summary>
    internal static string? Mask(string? text, Message m) =>
        text is null || m.Recipient.Length == 0 ? text : text.Replace(m.Recipient, Masked, StringComparison.OrdinalIgnoreCase);
}

public sealed record LogEntryResponse(DateTimeOffset At, [OneOf(typeof(LogStatus))] string Status, int Attempt, string? Detail);

/// <summary>A message with its delivery log, for tracing what happened to it; subject and body only for those who may read them.</summary>
public sealed record MessageDetails(MessageSummary Message, string Language, string? Subject, string? Body, IReadOnlyList<LogEntryResponse> Log)
{
    public static MessageDetails From(Message m, bool withContent) => new(
        MessageSummary.From(m, withContent), m.Language, withContent ? m.Subject : null, withContent ? m.Body : null,
        [.. m.Log.OrderBy(e => e.Id).Select(e => new LogEntryResponse(e.At, e.Status.WireName(), e.Attempt, withContent ? e.Detail : MessageSummary.Mask(e.Detail, m)))]);
}

public sealed record InboxItem(Guid Id, string Type, string Subject, string Body, DateTimeOffset DeliveredAt, DateTimeOffset? ReadAt);

public sealed record PreferencesRequest(
    [Required][OneOf(typeof(Channel))] string? Channel,
    [Required][OneOf(typeof(PatientPreferences), nameof(PatientPreferences.Languages))] string? Language,
    bool RemindersOptedOut,
    bool ClinicalOptedOut,
    string? QuietHoursStart,
    string? QuietHoursEnd);

public sealed record PreferencesResponse(
    Guid PatientId,
    [OneOf(typeof(Channel))] string Channel,
    [OneOf(typeof(PatientPreferences), nameof(PatientPreferences.Languages))] string Language,
    bool RemindersOptedOut,
    bool ClinicalOptedOut,
    string? QuietHoursStart,
    string? QuietHoursEnd,
    DateTimeOffset UpdatedAt);

/// <summary>One SMS the development sink received; number and text are null for callers who see delivery metadata only.</summary>
public sealed record SmsSinkEntry(string? To, string? Body, string Reference);

/// <summary>Messages still waiting to go, per channel: those waiting after a failure or for an unreachable server.</summary>
public sealed record DeliveryBacklog(IReadOnlyList<ChannelBacklog> Channels);

/// <summary>
/// <paramref name="Waiting"/> messages of a channel queued after a failed or impossible delivery, the oldest created at
/// <paramref name="OldestSince"/>; <paramref name="Reason"/> is the newest error (masked).
/// </summary>
public sealed record ChannelBacklog([OneOf(typeof(Channel))] string Channel, int Waiting, DateTimeOffset OldestSince, string? Reason);
