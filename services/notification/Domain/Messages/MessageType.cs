namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>Every kind of message the clinic sends; each has a template per language.</summary>
public enum MessageType
{
    // Patients
    AppointmentConfirmed,
    AppointmentChanged,
    AppointmentCancelled,
    AppointmentReminder,
    ReferralAccepted,
    WaitlistOffer,

    // Referring physicians
    ReferralAcknowledged,
    ReferralRejected,
    EvaluationSummary,
    ClearanceRequest,
    TreatmentPlanForCertification,
    PlanCertificationRequest,
    ProgressReport,
    DischargeSummary,

    // Clinic staff
    AuthorizationRunningOut,
    ReEvaluationDue,
    PlanCertificationDue,
    UnsignedNotes,
    AdverseEvent,
    DeliveryFailed,
}
