namespace MedMassage.Notification.Api.Domain.Audit;

/// <summary>
/// One showing of a patient's email address or phone number through the API. Rows are only ever inserted; the
/// database rejects changes and deletions.
/// </summary>
public sealed class ContactAuditEntry
{
    public const string ReadContact = "read-contact";

    private ContactAuditEntry()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string? Role { get; private set; }
    public string? ClientId { get; private set; }
    public string? ClientAddress { get; private set; }

    /// <summary>What showed the contact: <c>message</c> (its recipient), <c>staff-alert</c> (a delivery failure naming it) or <c>sms</c>.</summary>
    public string RecordType { get; private set; } = "";
    public Guid RecordId { get; private set; }
    public Guid PatientId { get; private set; }
    public string Action { get; private set; } = "";

    public static ContactAuditEntry Of(DateTimeOffset at, string userId, string userName, string? role, string? clientId,
        string? clientAddress, string recordType, Guid recordId, Guid patientId, string action) => new()
    {
        At = at,
        UserId = userId,
        UserName = userName,
        Role = role,
        ClientId = clientId,
        ClientAddress = clientAddress,
        RecordType = recordType,
        RecordId = recordId,
        PatientId = patientId,
        Action = action,
    };
}
