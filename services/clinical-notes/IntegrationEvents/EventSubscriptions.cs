using MassTransit;
using MedMassage.Messaging;

namespace MedMassage.ClinicalNotes.Api.IntegrationEvents;

/// <summary>
/// The events this service consumes, each with its handler: its one list of subscriptions (docs/events.md says why each
/// is consumed). A handler left off this list never runs; the architecture tests say so.
/// </summary>
public static class EventSubscriptions
{
    public static void AddEventSubscriptions(this IBusRegistrationConfigurator bus) => bus
        .AddEventConsumer<ReferralChangedConsumer>()
        .AddEventConsumer<AppointmentBookedConsumer>()
        .AddEventConsumer<AppointmentRescheduledConsumer>()
        .AddEventConsumer<AppointmentCheckedInConsumer>()
        .AddEventConsumer<AppointmentCompletedConsumer>()
        .AddEventConsumer<AppointmentCancelledConsumer>()
        .AddEventConsumer<AppointmentNoShowConsumer>();
}
