using System.Diagnostics.Metrics;
using System.Threading.Channels;
using MedMassage.Messaging.Outbox;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>A booking request waiting for its batch: the command, who asked, and where its answer goes.</summary>
public sealed class QueuedBooking(BookAppointment command, IReadOnlyList<Guid> callerLocations, CancellationToken ct)
{
    private readonly TaskCompletionSource<Outcome<BookedVisit>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BookAppointment Command => command;
    public IReadOnlyList<Guid> CallerLocations => callerLocations;
    public CancellationToken Cancellation => ct;

    /// <summary>The request's trace, continued by the event the booking records.</summary>
    public string? TraceParent { get; } = OutboxMessage.CurrentTraceParent();

    public Task<Outcome<BookedVisit>> Answer => _answer.Task;

    public void Answered(Outcome<BookedVisit> outcome) => _answer.TrySetResult(outcome);

    public void Failed(Exception e) => _answer.TrySetException(e);

    public bool Abandoned() => ct.IsCancellationRequested && _answer.TrySetCanceled(ct);
}

/// <summary>
/// Single bookings from the API are written in batches: while a batch's transaction runs, the requests that
/// arrive meanwhile queue up and go into the next one. Each booking still gets its own decision and answer; what
/// is shared is the round trips (locks, reads, one insert, one commit, one cache invalidation per location), which
/// on a small machine cost more than the decisions. An idle service books a lone request at once.
/// </summary>
public sealed class BookingQueue(IServiceScopeFactory scopes, IMeterFactory meters, IConfiguration configuration, ILogger<BookingQueue> logger) : BackgroundService
{
    public const string MeterName = "MedMassage.Scheduling";
    public const string BatchSizeInstrument = "medmassage.scheduling.booking.batch_size";

    /// <summary>At most this many bookings share a transaction, so one batch's locks never stall the service for long.</summary>
    public const int MaxBatch = 64;

    /// <summary>How many bookings shared each transaction: near 1 on a quiet service, rising with the load.</summary>
    private readonly Histogram<int> _batchSizes = meters.Create(MeterName).CreateHistogram<int>(BatchSizeInstrument, "{booking}",
        "Bookings written in one transaction.", advice: new() { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });

    /// <summary>
    /// Batches written at once. One writer leaves the machine idle while it waits on each round trip; several keep
    /// it busy. Each therapist's bookings always go to the same writer, so concurrent batches rarely want the same
    /// time (and when they do, through a room, the constraints refuse one and it is booked one by one).
    /// </summary>
    public const int Writers = 4;

    /// <summary>
    /// Bookings that may wait per writer (<c>Scheduling:BookingQueueCapacity</c>): 2,500 is five seconds of the
    /// busiest load measured. Beyond it a booking is refused at once as <c>schedule-busy</c> rather than queued without
    /// end, so a flood cannot exhaust memory or leave callers waiting past their timeouts.
    /// </summary>
    public const int DefaultCapacity = 2_500;

    private readonly Channel<QueuedBooking>[] _queues =
        [.. Enumerable.Range(0, Writers).Select(_ => Channel.CreateBounded<QueuedBooking>(
            new BoundedChannelOptions(configuration.GetValue("Scheduling:BookingQueueCapacity", DefaultCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];

    public Task<Outcome<BookedVisit>> BookAsync(BookAppointment command, IReadOnlyList<Guid> callerLocations, CancellationToken ct)
    {
        var queued = new QueuedBooking(command, callerLocations, ct);
        var queue = _queues[(int)((uint)command.TherapistId.GetHashCode() % Writers)];
        if (!queue.Writer.TryWrite(queued))
        {
            // Full (or closed, when the service is stopping): refused now, as a busy schedule is.
            return Task.FromResult<Outcome<BookedVisit>>(ConstraintViolations.Busy);
        }
        return queued.Answer;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(queue => WriteAsync(queue, stoppingToken)));

    private async Task WriteAsync(Channel<QueuedBooking> queue, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var batch = new List<QueuedBooking>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var queued))
                {
                    if (!queued.Abandoned())
                    {
                        batch.Add(queued);
                    }
                }
                if (batch.Count > 0)
                {
                    _batchSizes.Record(batch.Count);
                    await BookAsync(batch);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var left))
            {
                left.Failed(new OperationCanceledException("The service is stopping."));
            }
        }
    }

    private async Task BookAsync(List<QueuedBooking> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Not the caller's cancellation: once a batch starts, its bookings are decided and answered together.
            await scope.ServiceProvider.GetRequiredService<BookingBatch>().BookAsync(batch, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "A batch of {Count} bookings failed", batch.Count);
            foreach (var queued in batch)
            {
                queued.Failed(e);
            }
        }
    }
}

/// <summary>
/// A booked appointment with the location its answer shows times in, and the therapist's locations, whose
/// schedules it changed too.
/// </summary>
public sealed record BookedVisit(Domain.Appointments.Appointment Appointment, Domain.Locations.Location Location, IReadOnlyList<Guid> TherapistLocationIds);
