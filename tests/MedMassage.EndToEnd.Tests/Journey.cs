using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>The steps of a care journey as the staff's screens send them through the gateway.</summary>
internal static class Journey
{
    private const string Technique = "myofascial-release";
    private const string Region = "lower-back";
    private static Guid _location;

    /// <summary>The seeded therapist's staff account: set up with it, they document their own visits.</summary>
    public static readonly Guid TherapistAccount = Guid.Parse("4bea9494-ba6e-4809-aca8-ff33036fcda3");

    public sealed record Visit(Guid Id, DateTimeOffset StartsAt);

    /// <summary>
    /// The location (its zone chosen so that it is about noon there now, so the test never meets closing time) and a
    /// new therapist working there every day.
    /// </summary>
    public static async Task<Guid> SetUpClinicAsync(HttpClient admin, Guid location)
    {
        await SetUpLocationAsync(admin, location);
        return await TherapistAsync(admin, "Theo Rapist", TherapistAccount);
    }

    private static async Task SetUpLocationAsync(HttpClient admin, Guid location)
    {
        _location = location;
        var hoursAhead = Math.Clamp(12 - DateTime.UtcNow.Hour, -12, 12);
        var zone = hoursAhead == 0 ? "Etc/UTC" : $"Etc/GMT{(hoursAhead > 0 ? "-" : "+")}{Math.Abs(hoursAhead)}"; // POSIX signs are inverted
        var days = Enum.GetNames<DayOfWeek>();
        var setup = new
        {
            id = location, name = "Riverside", address = "5 River Rd", phone = "555-0101", timeZone = zone, lateCancellationWindowHours = 24,
            openingHours = days.Select(d => new { day = d, opens = "06:00", closes = "22:00" }), rooms = new[] { new { name = "Room 1" }, new { name = "Room 2" } },
        };
        var created = await admin.PostAsJsonAsync("/api/scheduling/locations", setup);
        if (created.StatusCode == HttpStatusCode.Conflict)
        {
            await ReadAsync(await admin.PutAsJsonAsync($"/api/scheduling/locations/{location}", setup), HttpStatusCode.OK);
        }
        else
        {
            await ReadAsync(created, HttpStatusCode.Created);
        }
    }

    /// <summary>A therapist working at the location every day (with their staff account's id, when they have one).</summary>
    public static async Task<Guid> TherapistAsync(HttpClient admin, string name, Guid? account = null)
    {
        var location = _location;
        var days = Enum.GetNames<DayOfWeek>();
        var created = await admin.PostAsJsonAsync("/api/scheduling/therapists", new
        {
            id = account, name, licenceNumber = "MT-2001", licenceState = "NY", licenceExpiresOn = "2030-01-01",
            certifications = Array.Empty<string>(), specialties = new[] { "low back pain" }, locationIds = new[] { location },
        });
        // The staff account's therapist profile is set up once per suite; later journeys find it there.
        var id = account is { } existing && created.StatusCode == HttpStatusCode.Conflict
            ? existing
            : (await ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var windows = days.Select(day => new { locationId = location, day, starts = "06:00", ends = "22:00" });
        await ReadAsync(await admin.PutAsJsonAsync($"/api/scheduling/therapists/{id}/availability", new { windows }), HttpStatusCode.OK);
        return id;
    }

    public static object Booking(Guid referralId, Guid therapistId, string type, DateTimeOffset startsAt) => new
    {
        referralId, locationId = _location, therapistId, appointmentType = type, startsAt,
        techniques = type.StartsWith("treatment", StringComparison.Ordinal) ? new[] { Technique } : null,
    };

    public static async Task<Visit> BookAsync(HttpClient admin, Guid referralId, Guid therapistId, string type, DateTimeOffset startsAt)
    {
        var booked = await ReadAsync(await admin.PostAsJsonAsync("/api/scheduling/appointments", Booking(referralId, therapistId, type, startsAt)), HttpStatusCode.Created);
        return new Visit(booked.GetProperty("id").GetGuid(), booked.GetProperty("startsAt").GetDateTimeOffset());
    }

    public static object Series(Guid referralId, Guid therapistId)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        return new
        {
            referralId, locationId = _location, therapistId, appointmentType = "treatment-45", startDate = start,
            weeks = 2, times = new[] { new { day = start.DayOfWeek.ToString(), time = "10:00" } },
        };
    }

    /// <summary>Once the visit has begun: the patient checks in and the visit is completed.</summary>
    public static async Task AttendAsync(HttpClient desk, Visit visit)
    {
        var wait = visit.StartsAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        await ReadAsync(await desk.PostAsync($"/api/scheduling/appointments/{visit.Id}/check-in", null), HttpStatusCode.OK);
        await ReadAsync(await desk.PostAsync($"/api/scheduling/appointments/{visit.Id}/complete", null), HttpStatusCode.OK);
    }

    public static async Task<Guid> EvaluateAsync(HttpClient therapist, Guid referralId, Guid appointmentId, object finding, string? onBehalfReason = null)
    {
        var form = new
        {
            referralId, appointmentId, kind = "Initial", history = "Low back pain for 6 weeks after lifting.", painScore = 7,
            rangeOfMotion = new[] { new { joint = "Lumbar", motion = "Flexion", degrees = 40 } },
            outcomeMeasure = new { measure = "Oswestry", answers = new[] { 3, 2, 2, 3, 2, 2, 1, 2, 3, 2 } },
            findings = new[] { finding }, assessment = "Myofascial restriction, lumbar.",
            goals = new[] { new { description = "Pain at most 3/10", metric = "pain", target = 3 } }, onBehalfReason,
        };
        // Clinical-notes hears of the referral and the appointment by events; until then the form is refused.
        var written = await Eventually.WaitAsync(() => therapist.PostAsJsonAsync("/api/clinical-notes/evaluations", form),
            r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(30), "evaluation written");
        var id = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ReadAsync(await therapist.PostAsJsonAsync($"/api/clinical-notes/evaluations/{id}/sign", new { onBehalfReason }), HttpStatusCode.OK);
        return id;
    }

    public static async Task<JsonElement> PlanAsync(HttpClient therapist, Guid evaluationId)
    {
        var plan = await ReadAsync(await therapist.PostAsJsonAsync("/api/clinical-notes/treatment-plans", new
        {
            evaluationId, techniques = new[] { Technique }, bodyRegions = new[] { Region }, sessionsPerWeek = 1, weeks = 6, visitCount = 6,
            goals = new[] { new { description = "Pain at most 3/10", metric = "pain", target = 3 } },
        }), HttpStatusCode.Created);
        await ReadAsync(await therapist.PostAsync($"/api/clinical-notes/treatment-plans/{plan.GetProperty("id").GetGuid()}/activate", null), HttpStatusCode.OK);
        return plan;
    }

    /// <summary>Writes and signs the visit note; someone else than the treating therapist gives the reason they write it.</summary>
    public static async Task DocumentAsync(HttpClient therapist, Guid appointmentId, string? onBehalfReason = null)
    {
        var written = await Eventually.WaitAsync(() => therapist.PostAsJsonAsync("/api/clinical-notes/visit-notes", Note(appointmentId, onBehalfReason)),
            r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(30), "visit note written");
        var id = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ReadAsync(await therapist.PostAsJsonAsync($"/api/clinical-notes/visit-notes/{id}/sign", new { onBehalfReason }), HttpStatusCode.OK);
    }

    public static object Note(Guid appointmentId, string? onBehalfReason = null) => new
    {
        appointmentId, onBehalfReason, subjective = "Back feels looser.", objective = "Trigger points in the lumbar paraspinals.", assessment = "Progressing.",
        plan = "Continue plan of care.", techniques = new[] { new { technique = Technique, cptCode = "97140", minutes = 30, bodyRegions = new[] { Region } } },
        painBefore = 6, painAfter = 3, tolerance = "Good",
    };

    /// <summary>Reads <paramref name="path"/> until it satisfies <paramref name="condition"/>: the services agree by events, eventually.</summary>
    public static Task<JsonElement> UntilAsync(HttpClient client, string path, Func<JsonElement, bool> condition) =>
        Eventually.WaitAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, r => r.ValueKind is JsonValueKind.Object or JsonValueKind.Array && condition(r), TimeSpan.FromSeconds(60), path);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task ReadHtmlAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}
