using MedMassage.Contracts;

namespace MedMassage.Notification.Api.Domain.Directory;

/// <summary>
/// The people a referral involves, as the referral events named them. Clinical events carry only the referral id;
/// this is how their messages find the physician and the patient.
/// </summary>
public sealed class ReferralContact
{
    private ReferralContact()
    {
    }

    public Guid ReferralId { get; private set; }
    public Guid? LocationId { get; private set; }
    public Guid PatientId { get; private set; }
    public string PatientName { get; private set; } = "";
    public string? PatientEmail { get; private set; }
    public string? PatientPhone { get; private set; }
    public string PatientChannel { get; private set; } = "";
    public string PatientLanguage { get; private set; } = "en";
    public string PhysicianName { get; private set; } = "";
    public string PhysicianNpi { get; private set; } = "";
    public string? PhysicianEmail { get; private set; }
    public string? PhysicianPhone { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public PatientContact Patient => new(PatientId, PatientName, PatientEmail, PatientPhone, PatientChannel, PatientLanguage);

    public PhysicianContact Physician => new(PhysicianName, PhysicianNpi, null, PhysicianEmail, PhysicianPhone, null);

    public static ReferralContact For(Guid referralId) => new() { ReferralId = referralId };

    public void Update(Guid? locationId, PatientContact patient, PhysicianContact physician, DateTimeOffset now)
    {
        LocationId = locationId ?? LocationId;
        PatientId = patient.PatientId;
        PatientName = patient.FullName;
        PatientEmail = patient.Email;
        PatientPhone = patient.Phone;
        PatientChannel = patient.PreferredChannel;
        PatientLanguage = patient.Language;
        PhysicianName = physician.FullName;
        PhysicianNpi = physician.Npi;
        PhysicianEmail = physician.Email;
        PhysicianPhone = physician.Phone;
        UpdatedAt = now;
    }
}
