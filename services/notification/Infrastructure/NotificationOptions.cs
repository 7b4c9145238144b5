using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Infrastructure;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How long before an appointment reminders go; empty means 24 h and 2 h.</summary>
    public List<TimeSpan> ReminderOffsets { get; set; } = [];

    /// <summary>Per-location reminder offsets, keyed by location id.</summary>
    public Dictionary<string, List<TimeSpan>> LocationReminderOffsets { get; set; } = [];

    public int MaxAttempts { get; set; } = RetryPolicy.Default.MaxAttempts;
    public TimeSpan RetryBaseDelay { get; set; } = RetryPolicy.Default.BaseDelay;
    public TimeSpan RetryMaxDelay { get; set; } = RetryPolicy.Default.MaxDelay;

    /// <summary>How soon messages waiting for an unreachable channel (an SMTP server down) are tried again.</summary>
    public TimeSpan ChannelRetryInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the dispatcher looks for due messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Messages claimed and sent per pass, over one SMTP session and one commit. A busy clinic day queues hundreds a
    /// minute; a pass of 100 e-mails holds its rows for well under a second.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    public string EmailFrom { get; set; } = "MedMassage <no-reply@medmassage.local>";

    /// <summary>The SMS provider's send endpoint; unset in development means this service's own SMS sink.</summary>
    public string? SmsEndpoint { get; set; }

    /// <summary>Maps POST/GET /api/notifications/dev/sms, a sink that records SMS for development and tests.</summary>
    public bool SmsSinkEnabled { get; set; }

    public string StaffLanguage { get; set; } = "en";

    /// <summary>Shown when an event names a location this service has not seen yet.</summary>
    public string ClinicName { get; set; } = "MedMassage";
    public string ClinicAddress { get; set; } = "";
    public string ClinicPhone { get; set; } = "";
    public string ClinicTimeZone { get; set; } = "UTC";

    public RetryPolicy Retry => new(MaxAttempts, RetryBaseDelay, RetryMaxDelay);

    public IReadOnlyList<TimeSpan> RemindersFor(Guid locationId) =>
        LocationReminderOffsets.TryGetValue(locationId.ToString(), out var own) && own.Count > 0 ? own
        : ReminderOffsets.Count > 0 ? ReminderOffsets
        : [TimeSpan.FromHours(24), TimeSpan.FromHours(2)];
}
