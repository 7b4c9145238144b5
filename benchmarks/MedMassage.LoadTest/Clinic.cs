using System.Net.Http.Json;
using System.Text.Json;

namespace MedMassage.LoadTest;

/// <summary>
/// One location set up through the gateway as its clinic admin would: the visit-type catalogue, the location with
/// a room per therapist, and the therapists with a Monday-to-Friday 09:00–17:00 week there.
/// </summary>
public sealed record Clinic(Guid LocationId, TimeZoneInfo Zone, IReadOnlyList<Guid> Therapists)
{
    public const string TimeZone = "America/New_York";
    public static readonly TimeOnly Opens = new(9, 0), Closes = new(17, 0);
    public static readonly string[] WorkDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <summary>The Monday of the first full week that starts after tomorrow.</summary>
    public static DateOnly FirstFullWeek()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    public static async Task<Clinic> SetUpAsync(HttpClient gateway, int therapistCount)
    {
        (int Minutes, string Kind, string Name)[] catalogue = [(60, "Evaluation", "Evaluation"), (30, "Treatment", "Treatment 30 min"),
            (45, "Treatment", "Treatment 45 min"), (60, "Treatment", "Treatment 60 min"), (45, "ReEvaluation", "Re-evaluation")];
        string[] codes = ["evaluation", "treatment-30", "treatment-45", "treatment-60", "re-evaluation"];
        foreach (var (code, type) in codes.Zip(catalogue))
        {
            await EnsureAsync(await gateway.PutAsJsonAsync($"/api/scheduling/appointment-types/{code}",
                new { name = type.Name, kind = type.Kind, durationMinutes = type.Minutes }));
        }

        var locationId = Suite.AdminLocation;
        var location = await gateway.PostAsJsonAsync("/api/scheduling/locations", new
        {
            id = locationId,
            name = "Load test clinic",
            address = "1 Main St, Springfield",
            phone = "555-0100",
            timeZone = TimeZone,
            lateCancellationWindowHours = 24,
            openingHours = WorkDays.Select(day => new { day, opens = "08:00", closes = "18:00" }),
            rooms = Enumerable.Range(1, therapistCount).Select(i => new { name = $"Room {i}" }),
        });
        await EnsureAsync(location);

        var therapists = new List<Guid>();
        for (var i = 1; i <= therapistCount; i++)
        {
            var created = await gateway.PostAsJsonAsync("/api/scheduling/therapists", new
            {
                name = $"Therapist {i:00}",
                licenceNumber = $"MT-{1000 + i}",
                licenceState = "NY",
                licenceExpiresOn = "2030-12-31",
                certifications = new[] { "lymphatic drainage" },
                specialties = new[] { "chronic pain" },
                locationIds = new[] { locationId },
            });
            var id = (await EnsureAsync(created)).GetProperty("id").GetGuid();
            var windows = WorkDays.Select(day => new { locationId, day, starts = Opens.ToString("HH:mm"), ends = Closes.ToString("HH:mm") });
            await EnsureAsync(await gateway.PutAsJsonAsync($"/api/scheduling/therapists/{id}/availability", new { windows }));
            therapists.Add(id);
        }
        return new Clinic(locationId, TimeZoneInfo.FindSystemTimeZoneById(TimeZone), therapists);
    }

    /// <summary>Start of a local working hour, as the instant the API expects.</summary>
    public DateTimeOffset At(DateOnly date, int hour)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static async Task<JsonElement> EnsureAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone()
            : throw new InvalidOperationException($"Set-up request {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} refused ({(int)response.StatusCode}): {body}");
    }
}
