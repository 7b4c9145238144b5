using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Notification.Api.Domain.Referrals;

/// <summary>
/// The people a referral involves, as the referral service's latest state names them (applied only when newer).
/// Clinical events carry only the referral id; this is how their messages find the physician and the patient.
/// </summary>
public sealed class ReferralContact : ReferralCopy
{
    private ReferralContact()
    {
    }

    public string Reference { get; private set; } = "";
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

    public static ReferralContact For(Guid referralId) => new() { Id = referralId };

    /// <summary>Takes the owner's state if it is newer than the one held (see <see cref="ReferralCopy.Apply"/>), noting when.</summary>
    public bool Apply(ReferralState state, DateTimeOffset now)
    {
        if (!Apply(state))
        {
            return false;
        }
        UpdatedAt = now;
        return true;
    }

    protected override void Take(ReferralState state)
    {
        Reference = state.Reference;
        var (patient, physician) = (state.Patient, state.Physician);
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
    }
}
