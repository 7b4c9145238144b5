using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Domain.Preferences;

/// <summary>How a patient wants to be reached. Absent preferences fall back to what the referral said.</summary>
public sealed class PatientPreferences
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es"];

    private PatientPreferences()
    {
    }

    public Guid PatientId { get; private set; }
    public Channel Channel { get; private set; }
    public string Language { get; private set; } = "en";
    public bool RemindersOptedOut { get; private set; }
    public bool ClinicalOptedOut { get; private set; }
    public TimeOnly? QuietHoursStart { get; private set; }
    public TimeOnly? QuietHoursEnd { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public QuietHours? QuietHours =>
        QuietHoursStart is { } start && QuietHoursEnd is { } end ? new QuietHours(start, end) : null;

    public static PatientPreferences For(Guid patientId) => new() { PatientId = patientId };

    public void Update(Channel channel, string language, bool remindersOptedOut, bool clinicalOptedOut, QuietHours? quietHours, DateTimeOffset now)
    {
        if (!Languages.Contains(language))
        {
            throw new ArgumentException($"Language must be one of {string.Join(", ", Languages)}.", nameof(language));
        }
        Channel = channel;
        Language = language;
        RemindersOptedOut = remindersOptedOut;
        ClinicalOptedOut = clinicalOptedOut;
        QuietHoursStart = quietHours?.Start;
        QuietHoursEnd = quietHours?.End;
        UpdatedAt = now;
    }

    public bool HasOptedOutOf(MessageCategory category) => category switch
    {
        MessageCategory.Reminder => RemindersOptedOut,
        MessageCategory.Clinical => ClinicalOptedOut,
        _ => false,
    };
}
