namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>
/// Who a message goes to and how. <see cref="Key"/> names the person across channels ("patient:{id}",
/// "physician:{npi}", "staff" or "staff:{location}") and is the in-app inbox's address; <see cref="Address"/> is where
/// the channel delivers (an email address, a phone number, or the inbox key itself).
/// </summary>
public sealed record Recipient(string Key, Channel Channel, string Address, Guid? PatientId = null)
{
    public static string PatientKey(Guid patientId) => $"patient:{patientId}";

    public static string PhysicianKey(string npi) => $"physician:{npi}";

    public static string StaffKey(Guid? locationId) => locationId is { } id ? $"staff:{id}" : "staff";

    public static bool IsStaffKey(string key) => key == "staff" || key.StartsWith("staff:", StringComparison.Ordinal);

    public static Recipient Inbox(string key, Guid? patientId = null) => new(key, Channel.InApp, key, patientId);
}
