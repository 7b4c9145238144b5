namespace MedMassage.Notification.Api.Domain.Messages;

public enum Channel
{
    Email,
    Sms,
    InApp,
}

/// <summary>What a message is about, for the patient's opt-outs: reminders and clinical messages separately.</summary>
public enum MessageCategory
{
    Clinical,
    Reminder,
    StaffAlert,
}

public enum MessageStatus
{
    Queued,
    Sent,
    Failed,
    Cancelled,
    Suppressed,
}

/// <summary>What the delivery log records about a message.</summary>
public enum LogStatus
{
    Queued,
    Deferred,
    AttemptFailed,
    /// <summary>The channel itself could not be reached (an SMTP server down): the message waits, no attempt used.</summary>
    ChannelUnavailable,
    Sent,
    Failed,
    Cancelled,
    Suppressed,
}
