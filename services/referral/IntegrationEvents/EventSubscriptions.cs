using MassTransit;
using MedMassage.Messaging;

namespace MedMassage.Referral.Api.IntegrationEvents;

/// <summary>
/// The events this service consumes, each with its handler: its one list of subscriptions (docs/events.md says why each
/// is consumed). A handler left off this list never runs; the architecture tests say so.
/// </summary>
public static class EventSubscriptions
{
    public static void AddEventSubscriptions(this IBusRegistrationConfigurator bus) => bus
        .AddEventConsumer<AppointmentCompletedConsumer>()
        .AddEventConsumer<AppointmentNoShowConsumer>()
        .AddEventConsumer<AppointmentCancelledConsumer>()
        .AddEventConsumer<EvaluationCompletedConsumer>()
        .AddEventConsumer<TreatmentPlanActivatedConsumer>()
        .AddEventConsumer<TreatmentPlanCertifiedConsumer>()
        .AddEventConsumer<DischargeSummaryIssuedConsumer>()
        .AddEventConsumer<LocationChangedConsumer>();
}
