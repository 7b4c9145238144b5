namespace MedMassage.Hosting;

/// <summary>The last lines a resource wrote, bounded, with a hook for live followers (console, dashboard).</summary>
public sealed class LogBuffer(string resource, int capacity = 2000)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();
    private long _sequence;

    public string Resource { get; } = resource;

    public event Action<LogLine>? LineWritten;

    public void Add(string text, bool isError)
    {
        LogLine line;
        lock (_gate)
        {
            line = new LogLine(++_sequence, DateTimeOffset.UtcNow, text, isError);
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
        LineWritten?.Invoke(line);
    }

    public IReadOnlyList<LogLine> Snapshot(long afterSequence = 0)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.Sequence > afterSequence)];
        }
    }

    public string Tail(int lines = 30) => string.Join(Environment.NewLine, Snapshot().TakeLast(lines).Select(l => l.Text));
}

public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);
