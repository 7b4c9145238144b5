using System.Collections.Concurrent;

namespace MedMassage.Scheduling.Api.Application.Slots;

/// <summary>
/// The newest value per key, tagged with the schedule generation it was built from. A value is found only for
/// its own generation, so it needs no expiry to stay correct; one per key is kept (older generations are
/// garbage), and keys nobody asked for in <see cref="Idle"/> are dropped so old date ranges do not pile up.
/// Without time-based expiry a busy location's searches never pay for a periodic recomputation.
/// </summary>
public sealed class Newest<TKey, TValue>(TimeProvider time) where TKey : notnull where TValue : class
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _lastSweep = time.GetTimestamp();

    public int Count => _entries.Count;

    public TValue? Find(TKey key, long generation)
    {
        Sweep();
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation)
        {
            entry.Touch(time.GetTimestamp());
            return entry.Value;
        }
        return null;
    }

    /// <summary>The value kept for <paramref name="key"/>, whatever its generation: a guess to be checked, never an answer.</summary>
    public TValue? Latest(TKey key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>
    /// Keeps <paramref name="value"/> as the one for <paramref name="key"/>. Generations are compared only for
    /// equality (a lost counter restarts at a random number), so the last writer wins: a slow request may
    /// replace a newer entry, which costs the next request a rebuild but never shows it stale data.
    /// </summary>
    public TValue Keep(TKey key, long generation, TValue value)
    {
        _entries[key] = new Entry(generation, value, time.GetTimestamp());
        return value;
    }

    private void Sweep()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < TimeSpan.FromMinutes(1) || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }
        foreach (var (key, entry) in _entries)
        {
            if (time.GetElapsedTime(entry.LastUsed, now) > Idle)
            {
                _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            }
        }
    }

    private sealed class Entry(long generation, TValue value, long lastUsed)
    {
        private long _lastUsed = lastUsed;

        public long Generation { get; } = generation;
        public TValue Value { get; } = value;
        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public void Touch(long now) => Interlocked.Exchange(ref _lastUsed, now);
    }
}
