using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Outbox;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace MedMassage.Referral.Api.IntegrationEvents;

// Visit accounting: each appointment outcome is applied once; the payer's policy says whether it uses a visit.

public abstract class VisitConsumer<TMessage>(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<ReferralOptions> options, ILogger logger)
    : ReferralEventConsumer<TMessage>(db, outbox, time, logger)
    where TMessage : MedMassage.Contracts.IntegrationEvent
{
    private readonly VisitCountingRules _rules = options.Value.VisitCounting.ToRules();

    protected override Actor Source { get; } = Actor.Service("scheduling");

    protected Task CountAsync(AppointmentInfo appointment, VisitOutcome outcome, CancellationToken ct) =>
        ApplyAsync(appointment.ReferralId,
            (referral, now) => referral.RecordVisit(appointment.AppointmentId, outcome, _rules.For(referral.Insurance?.Payer),
                LocationCalendar.Today(appointment.Location.TimeZone, now), Source, now), ct);
}

public sealed class AppointmentCompletedConsumer(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<ReferralOptions> options, ILogger<AppointmentCompletedConsumer> logger)
    : VisitConsumer<AppointmentCompleted>(db, outbox, time, options, logger)
{
    protected override Task HandleAsync(AppointmentCompleted message, CancellationToken ct) =>
        CountAsync(message.Appointment, VisitOutcome.Completed, ct);
}

public sealed class AppointmentNoShowConsumer(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<ReferralOptions> options, ILogger<AppointmentNoShowConsumer> logger)
    : VisitConsumer<AppointmentNoShow>(db, outbox, time, options, logger)
{
    protected override Task HandleAsync(AppointmentNoShow message, CancellationToken ct) =>
        CountAsync(message.Appointment, VisitOutcome.NoShow, ct);
}

public sealed class AppointmentCancelledConsumer(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<ReferralOptions> options, ILogger<AppointmentCancelledConsumer> logger)
    : VisitConsumer<AppointmentCancelled>(db, outbox, time, options, logger)
{
    // A cancellation in good time frees the slot and never uses a visit; only a late one may.
    protected override Task HandleAsync(AppointmentCancelled message, CancellationToken ct) =>
        message.IsLate ? CountAsync(message.Appointment, VisitOutcome.LateCancellation, ct) : Task.CompletedTask;
}
