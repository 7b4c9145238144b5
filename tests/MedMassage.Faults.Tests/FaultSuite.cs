using System.Net.Http.Headers;
using System.Net.Http.Json;
using MedMassage.Testing;

// One whole suite at a time: the fault tests' and the replica test's (collections run one after the other).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace MedMassage.Faults.Tests;

/// <summary>The whole suite for the fault tests, its rate limits out of the way: the load comes from one person and one system.</summary>
public class FaultSuite : IAsyncLifetime
{
    /// <summary>The development admin's location (services/identity/seed.development.json).</summary>
    public static readonly Guid Riverside = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4");

    public RunningSuite Suite { get; private set; } = null!;

    public HttpClient As(string token)
    {
        var client = new HttpClient { BaseAddress = Suite.GatewayUrl, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The development clinic admin (Riverside), signed in now: access tokens live five minutes.</summary>
    public async Task<HttpClient> AdminAsync() => As(await SuiteTokens.StaffAsync(Suite.GatewayUrl, "admin", "dev-admin"));

    /// <summary>The development physician-office system, submitting and reading its referrals.</summary>
    public async Task<HttpClient> OfficeAsync() => As(await SuiteTokens.WithClientSecretAsync(Suite.GatewayUrl, "physician-office-dev", "dev-office-secret",
        "system/ServiceRequest.write system/ServiceRequest.read"));

    public async Task<ServerControl> ServerAsync(string resource) => new(Suite.App, resource, await Suite.ConnectionStringAsync(resource));

    /// <summary>The clinic the fault tests share, set up by the first test that needs it.</summary>
    public Task<List<Guid>> ClinicAsync(HttpClient admin, int therapists)
    {
        lock (_gate)
        {
            return _clinic ??= SetUpClinicAsync(admin, therapists);
        }
    }

    private readonly Lock _gate = new();
    private Task<List<Guid>>? _clinic;

    /// <summary>The location open every day 00:00–23:59 UTC, and <paramref name="count"/> therapists working all of it.</summary>
    internal static async Task<List<Guid>> SetUpClinicAsync(HttpClient admin, int count)
    {
        var days = Enum.GetNames<DayOfWeek>();
        var location = new
        {
            id = Riverside, name = "Riverside", address = "5 River Rd", phone = "555-0101", timeZone = "Etc/UTC", lateCancellationWindowHours = 24,
            openingHours = days.Select(d => new { day = d, opens = "00:00", closes = "23:59" }), rooms = Enumerable.Range(1, count).Select(i => new { name = $"Room {i}" }),
        };
        (await admin.PostAsJsonAsync("/api/scheduling/locations", location)).EnsureSuccessStatusCode();
        var therapists = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var created = await admin.PostAsJsonAsync("/api/scheduling/therapists", new
            {
                name = $"Therapist {i}", licenceNumber = $"MT-{i}", licenceState = "NY", licenceExpiresOn = "2030-01-01",
                certifications = Array.Empty<string>(), specialties = Array.Empty<string>(), locationIds = new[] { Riverside },
            });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            var windows = days.Select(day => new { locationId = Riverside, day, starts = "00:00", ends = "23:59" });
            (await admin.PutAsJsonAsync($"/api/scheduling/therapists/{id}/availability", new { windows })).EnsureSuccessStatusCode();
            therapists.Add(id);
        }
        return therapists;
    }

    /// <summary>An office system's referral of a patient reached at <paramref name="email"/> to Riverside.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient office, string email, int i, string lastName = "Fault", string? idempotencyKey = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(new
        {
            patient = new { firstName = $"Pat{i}", lastName, dateOfBirth = new DateOnly(1970, 1, 1).AddDays(i % 10_000), sex = "unknown", email, preferredChannel = "email" },
            physician = new { name = "Dr. Ada Fault", npi = "1234567893", phone = "+1 555 0199" },
            diagnoses = new[] { "M54.50" }, techniques = new[] { "myofascial-release" }, bodyRegions = new[] { "lower-back" },
            sessionsPerWeek = 2, weeks = 6, authorizedVisits = 12, validFrom = today, validUntil = today.AddDays(120),
            locationId = Riverside, priority = "routine",
        }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey); // a resend after a lost answer submits nothing twice
        }
        return await office.SendAsync(request);
    }

    /// <summary>More of the AppHost's options for this suite.</summary>
    protected virtual string[] AppHostArgs => [];

    public async Task InitializeAsync() => Suite = await RunningSuite.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway__PerClient__PermitLimit"] = "1000000",
        ["Gateway__PerIp__PermitLimit"] = "1000000",
    }, appHostArgs: AppHostArgs);

    public async Task DisposeAsync() => await Suite.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultSuite>
{
    public const string Name = "faults";
}
