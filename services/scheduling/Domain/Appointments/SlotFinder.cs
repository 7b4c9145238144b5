using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Domain.Appointments;

/// <summary>Where a visit of a given length fits into a therapist's working time.</summary>
public static class SlotFinder
{
    /// <summary>Slots start on a quarter-hour grid counted from the start of each working window.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Every visit of <paramref name="duration"/> inside a working window that starts after
    /// <paramref name="notBefore"/>, overlaps nothing in <paramref name="busy"/> and passes <paramref name="roomFree"/>.
    /// Stepping in real time from each window's start keeps slots on the local grid on both sides of a
    /// daylight-saving change, and yields the repeated fall-back hour twice, as the distinct instants it is.
    /// </summary>
    public static IEnumerable<Interval> FreeVisits(
        IEnumerable<Interval> working,
        IReadOnlyCollection<Interval> busy,
        TimeSpan duration,
        DateTimeOffset notBefore,
        Func<Interval, bool>? roomFree = null)
    {
        foreach (var window in working)
        {
            for (var start = window.Start; start + duration <= window.End; start += Step)
            {
                var visit = new Interval(start, start + duration);
                if (visit.Start > notBefore && !busy.Any(visit.Overlaps) && (roomFree?.Invoke(visit) ?? true))
                {
                    yield return visit;
                }
            }
        }
    }
}
