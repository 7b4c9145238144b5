using MedMassage.Notification.Api.Domain.Preferences;
using MedMassage.Notification.Api.Domain.Templates;

namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>
/// One message to one recipient on one channel, from queued to sent, failed, cancelled or suppressed, with its
/// delivery log. It is the unit of exactly-once: the database keeps one per (source event, purpose, recipient, channel).
/// </summary>
public sealed class Message
{
    private readonly List<MessageLogEntry> _log = [];

    private Message()
    {
    }

    public Guid Id { get; private set; }
    public Guid SourceEventId { get; private set; }
    public string Purpose { get; private set; } = "";
    public MessageType MessageType { get; private set; }
    public MessageCategory Category { get; private set; }
    public Channel Channel { get; private set; }
    public string Recipient { get; private set; } = "";
    public string RecipientKey { get; private set; } = "";
    public Guid? PatientId { get; private set; }
    public Guid? AppointmentId { get; private set; }
    public Guid? LocationId { get; private set; }
    public string TimeZone { get; private set; } = "UTC";
    public string Language { get; private set; } = "en";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public MessageStatus Status { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public IReadOnlyList<MessageLogEntry> Log => _log;

    public static Message Queue(MessageDraft draft, Recipient recipient, RenderedMessage content, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var message = new Message
        {
            Id = Guid.CreateVersion7(now),
            SourceEventId = draft.SourceEventId,
            Purpose = draft.Purpose,
            MessageType = draft.Type,
            Category = draft.Category,
            Channel = recipient.Channel,
            Recipient = recipient.Address,
            RecipientKey = recipient.Key,
            PatientId = recipient.PatientId,
            AppointmentId = draft.AppointmentId,
            LocationId = draft.LocationId,
            TimeZone = draft.TimeZone,
            Language = content.Language,
            // SMS carries the short text only; email and the inbox the full one.
            Subject = content.Subject,
            Body = recipient.Channel == Channel.Sms ? content.Short : content.Body,
            Status = MessageStatus.Queued,
            DueAt = dueAt,
            CreatedAt = now,
        };
        message.Record(now, LogStatus.Queued, $"due {dueAt:O}");
        return message;
    }

    public bool IsPending => Status == MessageStatus.Queued;

    /// <summary>
    /// Whether a due message may go now: opted-out categories are suppressed (patients only; staff alerts and
    /// physician messages are not theirs to opt out of), and patient messages wait out quiet hours in the
    /// location's zone. The in-app inbox is silent, so quiet hours do not hold it back.
    /// </summary>
    public DeliveryDecision Decide(PatientPreferences? preferences, DateTimeOffset now)
    {
        if (PatientId is null || preferences is null)
        {
            return new DeliveryDecision.Send();
        }
        if (preferences.HasOptedOutOf(Category))
        {
            return new DeliveryDecision.Suppress($"patient opted out of {Category} messages");
        }
        if (Channel != Channel.InApp && preferences.QuietHours is { } quiet && quiet.Contains(now, Zones.Find(TimeZone)))
        {
            return new DeliveryDecision.Defer(quiet.EndAfter(now, Zones.Find(TimeZone)), $"quiet hours {quiet} ({TimeZone})");
        }
        return new DeliveryDecision.Send();
    }

    public void Defer(DateTimeOffset until, string reason, DateTimeOffset now)
    {
        EnsurePending();
        DueAt = until;
        Record(now, LogStatus.Deferred, $"{reason}; now due {until:O}");
    }

    public void MarkSent(DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        Status = MessageStatus.Sent;
        SentAt = now;
        LastError = null;
        Record(now, LogStatus.Sent, null);
    }

    /// <summary>Records a failed attempt; retries with back-off until the policy gives up. True when it gave up.</summary>
    public bool RecordFailure(string reason, DateTimeOffset now, RetryPolicy policy)
    {
        EnsurePending();
        Attempts++;
        LastError = reason;
        if (Attempts >= policy.MaxAttempts)
        {
            Status = MessageStatus.Failed;
            Record(now, LogStatus.Failed, $"gave up after {Attempts} attempts: {reason}");
            return true;
        }
        DueAt = now + policy.DelayAfter(Attempts);
        Record(now, LogStatus.AttemptFailed, $"{reason}; next attempt {DueAt:O}");
        return false;
    }

    /// <summary>
    /// The channel could not be reached at all (its server down), which says nothing about this message: it waits and
    /// is tried again at <paramref name="until"/> without using up an attempt, however long the outage lasts. The
    /// reason stays as <see cref="LastError"/>, so the messages waiting this way are the backlog staff see.
    /// </summary>
    public void WaitForChannel(string reason, DateTimeOffset until, DateTimeOffset now)
    {
        EnsurePending();
        if (LastError != reason)
        {
            Record(now, LogStatus.ChannelUnavailable, $"{reason}; waiting for it"); // once per outage, not per retry
        }
        LastError = reason;
        DueAt = until;
    }

    /// <summary>Withdraws a message not sent yet (a reminder for an appointment that moved or was cancelled).</summary>
    public bool Cancel(string reason, DateTimeOffset now)
    {
        if (!IsPending)
        {
            return false;
        }
        Status = MessageStatus.Cancelled;
        Record(now, LogStatus.Cancelled, reason);
        return true;
    }

    public void Suppress(string reason, DateTimeOffset now)
    {
        EnsurePending();
        Status = MessageStatus.Suppressed;
        Record(now, LogStatus.Suppressed, reason);
    }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    private void EnsurePending()
    {
        if (!IsPending)
        {
            throw new InvalidOperationException($"Message {Id} is {Status}, no longer queued.");
        }
    }

    private void Record(DateTimeOffset at, LogStatus status, string? detail) => _log.Add(new MessageLogEntry(at, status, Attempts, detail));
}
