using MedMassage.Notification.Api.Infrastructure.Delivery;

namespace MedMassage.Notification.Api.Apis.Contracts;

/// <summary>The request bodies the API description shows.</summary>
internal static class NotificationExamples
{
    public static readonly PreferencesRequest Preferences = new(
        Channel: "sms", Language: "es", RemindersOptedOut: false, ClinicalOptedOut: false, QuietHoursStart: "21:00", QuietHoursEnd: "08:00");

    public static readonly SmsRequest Sms = new("+1 217 555 0123", "MedMassage: your visit is on Mon 9 Mar at 9:00 at MedMassage Downtown. Reply C to cancel.",
        "0195f3c4-8d21-7e5a-b0c3-5d6e7f809a1b");
}
