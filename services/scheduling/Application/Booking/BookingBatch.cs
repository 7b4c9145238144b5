using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Outbox;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>
/// Books a batch of queued requests in one transaction. Each is decided on its own by the same domain rules as a
/// single booking, in arrival order, seeing the ones decided before it (two requests for one referral's last
/// visit, or for one therapist's hour, cannot both win). The exclusion constraints still guard the insert: if a
/// writer outside the batch took the same time meanwhile, the batch is undone and every request booked on its own.
/// </summary>
public sealed class BookingBatch(SchedulingDbContext db, IIntegrationEventOutbox outbox, SlotHolds holds, ScheduleChanges changes,
    AppointmentBooking single, BookingBatchMetrics metrics, TimeProvider time, ILogger<BookingBatch> logger)
{
    public async Task BookAsync(IReadOnlyList<QueuedBooking> batch, CancellationToken ct)
    {
        List<Outcome<BookedVisit>> outcomes;
        try
        {
            outcomes = await DecideAndWriteAsync(batch, ct);
        }
        catch (Exception e) when (OutsideWriter(e))
        {
            // The batch was decided on reads taken before another writer committed the same time (two writers picked
            // one free room, say). Decided again, it reads that booking and refuses or moves only what clashes.
            metrics.MetAnotherWriter();
            try
            {
                outcomes = await DecideAndWriteAsync(batch, ct);
            }
            catch (Exception again) when (OutsideWriter(again))
            {
                logger.LogDebug(again, "A batch of {Count} bookings met another writer twice; booking them one by one", batch.Count);
                metrics.BookedOneByOne();
                await OneByOneAsync(batch, ct);
                return;
            }
        }

        var booked = outcomes.Where(o => o.Succeeded).Select(o => o.Value!).ToList();
        // Invalidate before answering, so a client that searches right after its booking sees it.
        await Task.WhenAll(booked.Zip(batch.Where((_, i) => outcomes[i].Succeeded))
            .Where(b => b.Second.Command.HoldId is not null)
            .Select(b => holds.ReleaseAsync(b.Second.Command.HoldId!.Value)));
        await changes.ScheduleChangedAsync(booked.SelectMany(b => b.TherapistLocationIds.Append(b.Location.Id)), ct);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Answered(outcomes[i]);
        }
    }

    private async Task<List<Outcome<BookedVisit>>> DecideAndWriteAsync(IReadOnlyList<QueuedBooking> batch, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Redis (holds) is asked while PostgreSQL locks and reads.
        var liveHolds = holds.ActiveAsync(batch.Select(q => q.Command.TherapistId).Distinct());
        var reads = await BatchReads.LoadAsync(db, [.. batch.Select(q => q.Command)], ct);
        var held = await liveHolds;

        var outcomes = new List<Outcome<BookedVisit>>(batch.Count);
        foreach (var queued in batch)
        {
            var outcome = await DecideAsync(queued, reads, held, now);
            if (outcome.Value is { } visit)
            {
                db.Appointments.Add(visit.Appointment);
                reads.ReferralAppointments[visit.Appointment.ReferralId].Add(visit.Appointment);
                reads.Occupancy.Add(visit.Appointment);
                outbox.Add(new AppointmentBooked(AppointmentInfoFactory.Create(visit.Appointment, visit.Location,
                    reads.Therapists[visit.Appointment.TherapistId], reads.Referrals[visit.Appointment.ReferralId])), queued.TraceParent);
            }
            outcomes.Add(outcome);
        }

        var booked = outcomes.Where(o => o.Succeeded).Select(o => o.Value!.Appointment).ToList();
        if (booked.Count > 0)
        {
            await BookingLocks.TakeAsync(db, booked.Select(a => (a.TherapistId, a.RoomId, a.Visit)), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return outcomes;
    }

    /// <summary>One request's decision: the one a single booking takes (<see cref="BookingDecision"/>), on the batch's reads.</summary>
    private static async ValueTask<Outcome<BookedVisit>> DecideAsync(QueuedBooking queued, BatchReads reads, IReadOnlyList<SlotHold> held, DateTimeOffset now)
    {
        var command = queued.Command;
        var referral = reads.Referrals.GetValueOrDefault(command.ReferralId);
        var facts = new BookingFacts(referral, referral is null ? [] : reads.ReferralAppointments[referral.Id], reads.Types.GetValueOrDefault(command.AppointmentType),
            reads.Locations.GetValueOrDefault(command.LocationId), reads.Therapists.GetValueOrDefault(command.TherapistId));
        var outcome = await BookingDecision.DecideAsync(command, queued.CallerLocations, facts, new BatchAvailability(reads, held), now);
        if (outcome.Value is not { } appointment)
        {
            return outcome.Refusal!;
        }
        // Requests decided before this one in the batch are not in the database yet: what its exclusion constraints
        // would refuse is refused here.
        if (reads.Occupancy.TherapistBusy(appointment.TherapistId, appointment.Visit))
        {
            return ConstraintViolations.TherapistTaken;
        }
        if (reads.Occupancy.RoomBusy(appointment.RoomId, appointment.Visit))
        {
            return ConstraintViolations.RoomTaken;
        }
        return new BookedVisit(appointment, facts.Location!, facts.Therapist!.LocationIds);
    }

    private sealed class BatchAvailability(BatchReads reads, IReadOnlyList<SlotHold> held) : IBookingAvailability
    {
        public ValueTask<bool> HeldForAnotherAsync(Guid therapistId, Interval visit, Guid referralId) =>
            ValueTask.FromResult(held.Any(h => h.TherapistId == therapistId && h.ReferralId != referralId && h.Visit.Overlaps(visit)));

        public ValueTask<Guid?> FreeRoomAsync(Location location, Interval visit) => ValueTask.FromResult(reads.Occupancy.FreeRoom(location, visit));
    }

    private async Task OneByOneAsync(IReadOnlyList<QueuedBooking> batch, CancellationToken ct)
    {
        foreach (var queued in batch)
        {
            try
            {
                var outcome = await single.BookAsync(queued.Command, queued.CallerLocations, ct);
                queued.Answered(outcome.Value is { } appointment
                    ? new BookedVisit(appointment, (await db.Locations.FindAsync([appointment.LocationId], ct))!, [])
                    : outcome.Refusal!);
            }
            catch (Exception e)
            {
                queued.Failed(e);
            }
        }
    }

    private static bool OutsideWriter(Exception e) =>
        e is DbUpdateException u && (ConstraintViolations.Overlap(u) is not null || ConstraintViolations.Transient(u))
        || e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
