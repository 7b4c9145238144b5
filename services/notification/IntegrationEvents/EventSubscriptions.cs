using MassTransit;
using MedMassage.Messaging;

namespace MedMassage.Notification.Api.IntegrationEvents;

/// <summary>
/// The events this service consumes, each with its handler: its one list of subscriptions (docs/events.md says why each
/// is consumed). A handler left off this list never runs; the architecture tests say so.
/// </summary>
public static class EventSubscriptions
{
    public static void AddEventSubscriptions(this IBusRegistrationConfigurator bus) => bus
        .AddEventConsumer<ReferralChangedConsumer>()
        .AddEventConsumer<ReferralReceivedConsumer>()
        .AddEventConsumer<ReferralAcceptedConsumer>()
        .AddEventConsumer<ReferralRejectedConsumer>()
        .AddEventConsumer<AppointmentBookedConsumer>()
        .AddEventConsumer<AppointmentRescheduledConsumer>()
        .AddEventConsumer<AppointmentCancelledConsumer>()
        .AddEventConsumer<WaitlistSlotOfferedConsumer>()
        .AddEventConsumer<LocationChangedConsumer>()
        .AddEventConsumer<EvaluationCompletedConsumer>()
        .AddEventConsumer<ClearanceRequestedConsumer>()
        .AddEventConsumer<TreatmentPlanActivatedConsumer>()
        .AddEventConsumer<PlanRecertificationDueConsumer>()
        .AddEventConsumer<ProgressReportIssuedConsumer>()
        .AddEventConsumer<DischargeSummaryIssuedConsumer>()
        .AddEventConsumer<ReferralAuthorizationRunningOutConsumer>()
        .AddEventConsumer<ReEvaluationDueConsumer>()
        .AddEventConsumer<AdverseEventReportedConsumer>()
        .AddEventConsumer<UnsignedNotesFlaggedConsumer>();
}
