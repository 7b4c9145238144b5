namespace MedMassage.ClinicalNotes.Api.Domain.Appointments;

public enum AppointmentKind
{
    Evaluation,
    ReEvaluation,
    Treatment,
}

public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    Completed,
    Cancelled,
    NoShow,
}

/// <summary>An appointment as scheduling announced it: which referral, therapist and kind of visit a note documents.</summary>
public sealed class ClinicAppointment
{
    private ClinicAppointment() { }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public AppointmentKind Kind { get; private set; }
    public Guid TherapistId { get; private set; }
    public string TherapistName { get; private set; } = "";
    public Guid LocationId { get; private set; }
    public string LocationName { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public DateTimeOffset LastEventAt { get; private set; } = DateTimeOffset.MinValue;

    public bool CanBeDocumented => Status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);

    public static ClinicAppointment Create(Guid id, Guid referralId) => new() { Id = id, ReferralId = referralId };

    /// <summary>Applies an announcement unless a newer one was already applied (events can arrive out of order).</summary>
    public void Update(string type, Guid therapistId, string therapistName, Guid locationId, string locationName,
        DateTimeOffset startsAt, DateTimeOffset endsAt, AppointmentStatus status, DateTimeOffset announcedAt)
    {
        if (announcedAt < LastEventAt)
        {
            return;
        }
        LastEventAt = announcedAt;
        Kind = KindOf(type);
        TherapistId = therapistId;
        TherapistName = therapistName;
        LocationId = locationId;
        LocationName = locationName;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Status = status;
    }

    // Scheduling names types "evaluation", "treatment", "re-evaluation" (any casing or separators).
    public static AppointmentKind KindOf(string type)
    {
        var t = type.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return t.Contains("reeval", StringComparison.Ordinal) ? AppointmentKind.ReEvaluation
            : t.Contains("eval", StringComparison.Ordinal) ? AppointmentKind.Evaluation
            : AppointmentKind.Treatment;
    }
}
