using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Domain.Templates;

internal static class EnglishTemplates
{
    private const string Contact = "\n\n{location}\n{address}\n{phone}";

    public static readonly IReadOnlyDictionary<MessageType, Template> All = new Dictionary<MessageType, Template>
    {
        [MessageType.AppointmentConfirmed] = new(
            "Your appointment at {location} is confirmed",
            "Hello {patient},\n\nYour appointment with {therapist} is confirmed for {time}.\nTo change or cancel, please call us." + Contact,
            "{location}: appointment confirmed for {time}. Questions? {phone}"),
        [MessageType.AppointmentChanged] = new(
            "Your appointment at {location} has moved",
            "Hello {patient},\n\nYour appointment with {therapist} has moved from {previous} to {time}." + Contact,
            "{location}: your appointment moved to {time}. Questions? {phone}"),
        [MessageType.AppointmentCancelled] = new(
            "Your appointment at {location} is cancelled",
            "Hello {patient},\n\nYour appointment on {time} has been cancelled. Please call us to book a new time." + Contact,
            "{location}: your appointment on {time} is cancelled. Call {phone} to rebook."),
        [MessageType.AppointmentReminder] = new(
            "Reminder: your appointment at {location}",
            "Hello {patient},\n\nThis is a reminder of your appointment with {therapist} on {time}." + Contact,
            "Reminder from {location}: appointment {time}. {address}. {phone}"),
        [MessageType.ReferralAccepted] = new(
            "Your referral to {location} is accepted: book your first visit",
            "Hello {patient},\n\nWe have received and accepted your referral ({reference}). Your first visit is an evaluation of about 60 minutes.\nPlease call us to book it; the referral is valid until {validUntil}." + Contact,
            "{location}: your referral is accepted. Call {phone} to book your first visit."),
        [MessageType.WaitlistOffer] = new(
            "An earlier appointment is available at {location}",
            "Hello {patient},\n\nA time with {therapist} is free on {time}. The offer is held for you until {expires}; please call us before then to take it." + Contact,
            "{location}: a time is free on {time}. Held until {expires}. Call {phone}."),
        [MessageType.ReferralAcknowledged] = new(
            "Referral {reference} received",
            "Dear {physician},\n\nWe have received your referral {reference} and will let you know once it has been reviewed." + Contact,
            "{location}: referral {reference} received."),
        [MessageType.ReferralRejected] = new(
            "Referral {reference} could not be accepted",
            "Dear {physician},\n\nWe could not accept referral {reference}.\nFor the patient's privacy the reason is not sent by e-mail; please call us and we will go through it with you." + Contact,
            "{location}: referral {reference} not accepted. Please call us for the reason."),
        [MessageType.EvaluationSummary] = new(
            "Evaluation completed for referral {reference}",
            "Dear {physician},\n\nThe evaluation for referral {reference} is complete. The summary is available through this secure link:\n{link}" + Contact,
            "{location}: evaluation summary for {reference} is ready: {link}"),
        [MessageType.ClearanceRequest] = new(
            "Clearance requested for referral {reference}",
            "Dear {physician},\n\nA finding during the evaluation for referral {reference} needs your clearance before some treatment can proceed.\nPlease review and respond through this secure link:\n{link}" + Contact,
            "{location}: clearance requested for {reference}: {link}"),
        [MessageType.TreatmentPlanForCertification] = new(
            "Plan of care for referral {reference}: certification requested",
            "Dear {physician},\n\nThe plan of care for referral {reference} is ready for your certification by {dueBy}.\nPlease review and certify it through this secure link:\n{link}" + Contact,
            "{location}: plan of care for {reference} needs certification by {dueBy}: {link}"),
        [MessageType.PlanCertificationRequest] = new(
            "Plan of care for referral {reference}: your certification is due by {dueBy}",
            "Dear {physician},\n\nYour certification of the plan of care for referral {reference} is due by {dueBy}; without it, treatment cannot continue after that date.\nPlease review and certify it through this secure link:\n{link}" + Contact,
            "{location}: please certify the plan of care for {reference} by {dueBy}: {link}"),
        [MessageType.ProgressReport] = new(
            "Progress report for referral {reference}",
            "Dear {physician},\n\nA progress report for referral {reference} is available through this secure link:\n{link}" + Contact,
            "{location}: progress report for {reference}: {link}"),
        [MessageType.DischargeSummary] = new(
            "Discharge summary for referral {reference}",
            "Dear {physician},\n\nTreatment under referral {reference} has ended. The discharge summary is available through this secure link:\n{link}" + Contact,
            "{location}: discharge summary for {reference}: {link}"),
        [MessageType.AuthorizationRunningOut] = new(
            "Authorization running out: referral {reference}",
            "Referral {reference} has {remaining} authorized visit(s) left and is valid until {validUntil}. Request an extension or plan the discharge.",
            "Referral {reference}: {remaining} visit(s) left, valid until {validUntil}."),
        [MessageType.ReEvaluationDue] = new(
            "Re-evaluation due: referral {reference}",
            "Referral {reference} needs a re-evaluation by {dueBy} ({count} visits since the last evaluation).",
            "Referral {reference}: re-evaluation due by {dueBy}."),
        [MessageType.PlanCertificationDue] = new(
            "Plan certification due: referral {reference}",
            "The physician's certification of the plan of care for referral {reference} is due by {dueBy}; they have been asked. Without it, no visit can be documented after that date.",
            "Referral {reference}: plan certification due by {dueBy}."),
        [MessageType.UnsignedNotes] = new(
            "{count} visit note(s) unsigned for more than 24 hours",
            "{count} visit note(s) by therapist {therapist} have been unsigned for more than 24 hours. Please have them signed.",
            "{count} note(s) unsigned > 24 h."),
        [MessageType.AdverseEvent] = new(
            "Adverse event reported: referral {reference}",
            "An adverse event was reported during a visit under referral {reference}: {description}\nReview the visit note.",
            "Adverse event reported under referral {reference}."),
        [MessageType.DeliveryFailed] = new(
            "A message could not be delivered",
            "A {type} message by {channel} to {recipient} could not be delivered after {attempts} attempt(s): {error}\nPlease contact the recipient another way.",
            "Undeliverable {type} message to {recipient}."),
    };
}
