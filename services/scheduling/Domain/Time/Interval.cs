namespace MedMassage.Scheduling.Api.Domain.Time;

/// <summary>A half-open span of real time [Start, End), always in UTC.</summary>
public readonly record struct Interval(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Overlaps(Interval other) => Start < other.End && other.Start < End;

    public bool Contains(Interval other) => Start <= other.Start && other.End <= End;

    public Interval? Intersect(Interval other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return start < end ? new Interval(start, end) : null;
    }

    /// <summary>This interval minus every one of <paramref name="holes"/>.</summary>
    public IEnumerable<Interval> Subtract(IEnumerable<Interval> holes)
    {
        var pieces = new List<Interval> { this };
        foreach (var hole in holes)
        {
            pieces = [.. pieces.SelectMany(p => p.SubtractOne(hole))];
        }
        return pieces;
    }

    private IEnumerable<Interval> SubtractOne(Interval hole)
    {
        if (!Overlaps(hole))
        {
            yield return this;
            yield break;
        }
        if (Start < hole.Start)
        {
            yield return new Interval(Start, hole.Start);
        }
        if (hole.End < End)
        {
            yield return new Interval(hole.End, End);
        }
    }
}
