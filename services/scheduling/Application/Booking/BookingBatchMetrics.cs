using System.Diagnostics.Metrics;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>
/// How often booking batches clash with another writer. A batch that clashes is decided again once, then booked
/// one by one; rising counts mean writers keep choosing the same rooms or times (ops watch these on the dashboard).
/// </summary>
public sealed class BookingBatchMetrics(IMeterFactory meters)
{
    public const string MetAnotherWriterInstrument = "medmassage.scheduling.booking.batch_conflicts";
    public const string OneByOneInstrument = "medmassage.scheduling.booking.batch_one_by_one";

    private readonly Counter<long> _conflicts = meters.Create(BookingQueue.MeterName).CreateCounter<long>(MetAnotherWriterInstrument, "{batch}",
        "Booking batches whose write met another writer's booking and were decided again.");

    private readonly Counter<long> _oneByOne = meters.Create(BookingQueue.MeterName).CreateCounter<long>(OneByOneInstrument, "{batch}",
        "Booking batches that met another writer again when decided anew, and were booked one request at a time.");

    public void MetAnotherWriter() => _conflicts.Add(1);

    public void BookedOneByOne() => _oneByOne.Add(1);
}
