using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.Faults.Tests.Replicas;

/// <summary>
/// One referral's way through the clinic, as the office system, the front desk and a therapist drive it through the
/// gateway: submitted (with an idempotency key), accepted, booked for an evaluation, and every third one evaluated (by
/// the clinic admin, covering for the treating therapist).
/// Referrals come in pairs that race for the same slot: one gets it, the other books a slot of its own.
/// </summary>
public sealed class MixedLoad(HttpClient office, HttpClient admin, HttpClient clinician, IReadOnlyList<Guid> therapists, string run, Action<string> report)
{
    public sealed record Journey(int Index, Guid Referral, string Email, DateTimeOffset AcceptedAt, Guid Appointment, bool Evaluated);

    public CallLog Calls { get; } = new(report);

    public ConcurrentBag<Journey> Journeys { get; } = [];

    public int SlotsLost => _slotsLost;

    private readonly List<DateTimeOffset> _hours = Hours();
    private int _slotsLost;

    public async Task RunAsync(int i)
    {
        var email = $"rep{i}-{run}@patients.example";
        var submitted = await Calls.UntilAnsweredAsync("submit", () => FaultSuite.SubmitAsync(office, email, i, $"Rep{run}", $"{run}-{i}"));
        var referral = (await Journal.ReadAsync(submitted!, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Calls.UntilAnsweredAsync("accept", () => admin.PostAsync($"/api/referrals/{referral}/accept", null),
            async () => await StatusAsync($"/api/referrals/{referral}") == "accepted");
        var acceptedAt = DateTimeOffset.UtcNow;
        await Until($"/api/scheduling/referrals/{referral}", r => r.GetProperty("status").GetString() == "accepted");

        // Pairs race for one slot; whoever loses books the slot kept for their pair.
        var pair = i / 2;
        var (therapistId, hour) = (therapists[pair % therapists.Count], 2 * (pair / therapists.Count));
        var appointment = await BookAsync(referral, therapistId, _hours[hour])
            ?? await BookAsync(referral, therapistId, _hours[hour + 1])
            ?? throw new InvalidOperationException($"Referral {referral} booked nothing.");
        var evaluated = i % 3 == 0 && await EvaluateAsync(referral, appointment);
        Journeys.Add(new Journey(i, referral, email, acceptedAt, appointment, evaluated));
    }

    private async Task<Guid?> BookAsync(Guid referral, Guid therapistId, DateTimeOffset startsAt)
    {
        var booking = new { referralId = referral, locationId = FaultSuite.Riverside, therapistId, appointmentType = "evaluation", startsAt };
        var answer = await Calls.UntilAnsweredAsync("book", () => admin.PostAsJsonAsync("/api/scheduling/appointments", booking),
            async () => await BookedAsync(referral) is not null);
        if (answer is null)
        {
            return await BookedAsync(referral); // the failed request took effect
        }
        using (answer)
        {
            if (answer.StatusCode == HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref _slotsLost);
                return null;
            }
            return (await Journal.ReadAsync(answer, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }
    }

    private async Task<bool> EvaluateAsync(Guid referral, Guid appointment)
    {
        var form = new
        {
            referralId = referral, appointmentId = appointment, kind = "Initial", history = "Low back pain for 6 weeks.", painScore = 6,
            rangeOfMotion = new[] { new { joint = "Lumbar", motion = "Flexion", degrees = 40 } },
            outcomeMeasure = new { measure = "Oswestry", answers = new[] { 3, 2, 2, 3, 2, 2, 1, 2, 3, 2 } },
            findings = Array.Empty<object>(), assessment = "Myofascial restriction.",
            goals = new[] { new { description = "Pain at most 3/10", metric = "pain", target = 3 } }, onBehalfReason = "Covering the evaluation.",
        };
        // Clinical-notes hears of the appointment by an event; until then the form is refused (4xx), which is no failure.
        await Eventually.WaitAsync(async () =>
        {
            var answer = await Calls.UntilAnsweredAsync("evaluate", () => clinician.PostAsJsonAsync("/api/clinical-notes/evaluations", form),
                async () => await EvaluationsAsync(referral) > 0);
            using (answer)
            {
                return answer is null || answer.StatusCode == HttpStatusCode.Created ? "written" : $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}";
            }
        }, outcome => outcome == "written", TimeSpan.FromMinutes(2), $"evaluation of {referral}");
        return true;
    }

    public async Task<Guid?> BookedAsync(Guid referral)
    {
        var found = await Calls.UntilAnsweredAsync("appointments", () => admin.GetAsync($"/api/scheduling/appointments?referralId={referral}"));
        return (await Journal.ReadAsync(found!, HttpStatusCode.OK)).EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "booked").Select(a => (Guid?)a.GetProperty("id").GetGuid()).FirstOrDefault();
    }

    public async Task<int> EvaluationsAsync(Guid referral)
    {
        var care = await Calls.UntilAnsweredAsync("care", () => clinician.GetAsync($"/api/clinical-notes/referrals/{referral}"));
        return care!.IsSuccessStatusCode ? (await Journal.ReadAsync(care, HttpStatusCode.OK)).GetProperty("evaluationIds").GetArrayLength() : 0;
    }

    public async Task<string?> StatusAsync(string path)
    {
        using var answer = await Calls.UntilAnsweredAsync("read", () => admin.GetAsync(path));
        return answer!.IsSuccessStatusCode ? (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() : null;
    }

    private Task Until(string path, Func<JsonElement, bool> condition) =>
        Eventually.WaitAsync(async () =>
        {
            using var answer = await Calls.UntilAnsweredAsync("read", () => admin.GetAsync(path));
            return answer!.IsSuccessStatusCode ? await answer.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, r => r.ValueKind == JsonValueKind.Object && condition(r), TimeSpan.FromMinutes(2), path);

    // Whole hours from two hours on, none starting at 23:00 (the clinic's day ends at 23:59 UTC).
    private static List<DateTimeOffset> Hours()
    {
        var first = DateTimeOffset.UtcNow.AddHours(2);
        first = new DateTimeOffset(first.Year, first.Month, first.Day, first.Hour, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, 96).Select(h => first.AddHours(h)).Where(h => h.Hour != 23)];
    }
}

/// <summary>Reads an answer that must have a given status, saying what came instead.</summary>
internal static class Journal
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
