using MedMassage.ServiceDefaults.Audit;

namespace MedMassage.Notification.Api.Domain.Audit;

/// <summary>One showing of a patient's email address or phone number through the API, and what showed it.</summary>
public sealed class ContactAuditEntry : AccessAuditEntry
{
    public const string ReadContact = "read-contact";

    private ContactAuditEntry()
    {
    }

    private ContactAuditEntry(DateTimeOffset at, AuditActor actor, string recordType, Guid recordId, Guid patientId)
        : base(at, actor, ReadContact) => (RecordType, RecordId, PatientId) = (recordType, recordId, patientId);

    /// <summary>What showed the contact: <c>message</c> (its recipient), <c>staff-alert</c> (a delivery failure naming it) or <c>sms</c>.</summary>
    public string RecordType { get; private set; } = "";
    public Guid RecordId { get; private set; }
    public Guid PatientId { get; private set; }

    public static ContactAuditEntry ContactShown(DateTimeOffset at, AuditActor actor, string recordType, Guid recordId, Guid patientId) =>
        new(at, actor, recordType, recordId, patientId);
}
