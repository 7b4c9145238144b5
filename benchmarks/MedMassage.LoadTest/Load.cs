namespace MedMassage.LoadTest;

/// <summary>The two ways of applying load: a fixed arrival rate (open loop) and a fixed number of clients (closed loop).</summary>
public static class Load
{
    /// <summary>
    /// Request <c>i</c> is due at <c>i / rate</c> seconds, whether or not earlier ones have been answered, as real
    /// clients arrive. At most <paramref name="maxInFlight"/> wait for answers; beyond that sends are late, and
    /// their latency (counted from when they were due) shows it.
    /// </summary>
    public static async Task<Recorder> OpenLoopAsync(double rate, TimeSpan duration, int maxInFlight, Func<int, Task<int>> send)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var recorder = new Recorder(total);
        using var inFlight = new SemaphoreSlim(maxInFlight);
        var requests = new List<Task>(total);
        var start = recorder.Elapsed;
        for (var i = 0; i < total; i++)
        {
            var due = start + TimeSpan.FromSeconds(i / rate);
            var wait = due - recorder.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            await inFlight.WaitAsync();
            requests.Add(SendAsync(i, due));
        }
        await Task.WhenAll(requests);
        return recorder;

        async Task SendAsync(int i, TimeSpan due)
        {
            var sent = recorder.Elapsed;
            recorder.Add(await StatusOfAsync(send, i), due, sent);
            inFlight.Release();
        }
    }

    /// <summary>
    /// <paramref name="clients"/> clients each send their next request as soon as the last is answered, for
    /// <paramref name="duration"/> or until <paramref name="available"/> requests are used up.
    /// </summary>
    public static async Task<Recorder> ClosedLoopAsync(int clients, TimeSpan duration, int available, Func<int, Task<int>> send)
    {
        var recorder = new Recorder(available);
        var next = -1;
        var end = recorder.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while (recorder.Elapsed < end && (i = Interlocked.Increment(ref next)) < available)
            {
                var sent = recorder.Elapsed;
                recorder.Add(await StatusOfAsync(send, i), sent, sent);
            }
        })));
        return recorder;
    }

    /// <summary>Sends <paramref name="count"/> requests released together, as a race, and records them.</summary>
    public static async Task RaceAsync(Recorder recorder, int count, Func<int, Task<int>> send)
    {
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            var sent = recorder.Elapsed;
            recorder.Add(await StatusOfAsync(send, i), sent, sent);
        }).ToList();
        start.Release(count);
        await Task.WhenAll(attempts);
    }

    /// <summary>The answer's status code, or 0 when no answer came (refused connection, client timeout).</summary>
    private static async Task<int> StatusOfAsync(Func<int, Task<int>> send, int i)
    {
        try
        {
            return await send(i);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
