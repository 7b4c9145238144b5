using System.Collections.Concurrent;
using System.Net;

namespace MedMassage.Faults.Tests.Replicas;

/// <summary>
/// Every request the load sends, with when it was sent and how it ended: a failure is a 5xx or no answer at all. The
/// load then does what a careful client does: it finds out whether the failed request took effect before resending.
/// </summary>
public sealed class CallLog(Action<string> report)
{
    private readonly ConcurrentBag<(DateTimeOffset At, string What, string Outcome)> _failures = [];
    private int _count;

    public int Count => _count;

    public IReadOnlyList<(DateTimeOffset At, string What, string Outcome)> Failures => [.. _failures.OrderBy(f => f.At)];

    /// <summary>Sends one request; null when it failed (recorded).</summary>
    public async Task<HttpResponseMessage?> SendAsync(string what, Func<Task<HttpResponseMessage>> send)
    {
        Interlocked.Increment(ref _count);
        var at = DateTimeOffset.UtcNow;
        try
        {
            var response = await send();
            if ((int)response.StatusCode < 500)
            {
                return response;
            }
            Fail(at, what, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            response.Dispose();
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Fail(at, what, e.Message);
            return null;
        }
    }

    private void Fail(DateTimeOffset at, string what, string outcome)
    {
        _failures.Add((at, what, outcome));
        report($"{at:HH:mm:ss.fff} {what} failed: {outcome}"); // as it happens, so a test that stops early still says why
    }

    /// <summary>Sends until an answer comes (at most <paramref name="attempts"/> times, a second apart), or until <paramref name="tookEffect"/> says a failed one did.</summary>
    public async Task<HttpResponseMessage?> UntilAnsweredAsync(string what, Func<Task<HttpResponseMessage>> send, Func<Task<bool>>? tookEffect = null, int attempts = 10)
    {
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (await SendAsync(what, send) is { } answered)
            {
                return answered;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (tookEffect is not null && await tookEffect())
            {
                return null;
            }
        }
        throw new InvalidOperationException($"{what}: no answer in {attempts} attempts");
    }

    public static bool Is(HttpResponseMessage? response, HttpStatusCode status) => response?.StatusCode == status;
}
