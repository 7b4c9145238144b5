using System.Buffers;
using System.Text.Json;

namespace MedMassage.LoadTest;

/// <summary>
/// The front desk looking for an evaluation slot: one location, one week, every therapist (or one), through the
/// gateway. Searches rotate over referrals (as different patients would); the week is empty, so every answer lists
/// every slot of the week (the largest answer the search gives).
/// </summary>
public sealed class SlotSearchBenchmark(Clinic clinic, Guid[] referrals, DateOnly monday, Meters meters)
{
    private string Path(int i, Guid? therapist) =>
        $"/api/scheduling/slots?referralId={referrals[i % referrals.Length]}&locationId={clinic.LocationId}"
        + $"&from={monday:yyyy-MM-dd}&to={monday.AddDays(6):yyyy-MM-dd}&type=evaluation{(therapist is { } t ? $"&therapistId={t}" : "")}";

    /// <summary>One search, for the figures that describe the answer: slot count, therapists, bytes, and the uncached time.</summary>
    public async Task<string> DescribeAsync(HttpClient client, Guid? therapist = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.GetAsync(Path(0, therapist));
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Slot search refused ({(int)response.StatusCode}): {System.Text.Encoding.UTF8.GetString(body)}");
        }
        var answer = JsonDocument.Parse(body).RootElement;
        var therapists = answer.GetProperty("therapists").GetArrayLength();
        return $"{answer.GetProperty("count").GetInt32()} slots of {therapists} therapist(s), {body.Length / 1024.0:0} KiB per answer; first (uncached) search {elapsed.TotalMilliseconds:0} ms";
    }

    /// <summary>The same load, unmeasured, so the measured run finds the suite's code compiled and its caches and pools filled.</summary>
    public Task WarmUpAsync(HttpClient client, double rate, TimeSpan duration, int maxInFlight) =>
        Load.OpenLoopAsync(rate, duration, maxInFlight, i => SearchAsync(client, i, null));

    public Task<RunResult> FixedRateAsync(string name, HttpClient client, double rate, TimeSpan duration, int maxInFlight, Guid? therapist = null) =>
        meters.MeasureAsync(async () => (await Load.OpenLoopAsync(rate, duration, maxInFlight, i => SearchAsync(client, i, therapist))).Result(name, 200));

    /// <summary>How many searches a second the suite answers at most: clients searching back to back.</summary>
    public Task<RunResult> CapacityAsync(string name, HttpClient client, int clients, TimeSpan duration) =>
        meters.MeasureAsync(async () => (await Load.ClosedLoopAsync(clients, duration, int.MaxValue, i => SearchAsync(client, i, null))).Result(name, 200));

    private async Task<int> SearchAsync(HttpClient client, int i, Guid? therapist)
    {
        // The whole answer is read (latency ends with its last byte), into a pooled buffer: the generator shares
        // the two cores with the suite, so it should spend as little of them as it can.
        using var response = await client.GetAsync(Path(i, therapist), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (int)response.StatusCode;
    }
}
