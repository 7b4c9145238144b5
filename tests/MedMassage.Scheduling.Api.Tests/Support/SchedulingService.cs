using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Contracts.Scheduling;
using MedMassage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.Scheduling.Api.Tests.Support;

/// <summary>
/// The scheduling service on the real servers, with its clock under the test's control, an event probe, and
/// helpers that set up a clinic through the HTTP API and feed referral state as the other services would.
/// <see cref="Client"/> acts as the clinic admin of every location the test has set up.
/// </summary>
public sealed class SchedulingService : ServiceFactory<Program>
{
    /// <summary>Monday 2026-06-01 12:00 UTC; the first bookable week is the one after.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = MedMassage.ServiceDefaults.ApiJson.Options;

    private readonly ClinicAdmin _admin = new();
    private HttpClient? _client;
    private EventProbe? _probe;

    public SchedulingService(InfrastructureFixture infrastructure) : base(infrastructure, "schedulingdb", "scheduling-api") => Clock = Time;

    public HttpClient Client => _client ?? throw new InvalidOperationException("Call StartAsync first.");
    public EventProbe Probe => _probe ?? throw new InvalidOperationException("Call StartAsync first.");
    public FakeTimeProvider Time { get; } = new(Start);

    public static async Task<SchedulingService> StartAsync(InfrastructureFixture infrastructure, IDictionary<string, string?>? settings = null)
    {
        var service = new SchedulingService(infrastructure);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            service.Settings[key] = value;
        }
        await service.WaitUntilReadyAsync();
        service._probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString,
            typeof(AppointmentBooked), typeof(AppointmentRescheduled), typeof(AppointmentCancelled), typeof(AppointmentNoShow),
            typeof(AppointmentCheckedIn), typeof(AppointmentCompleted), typeof(WaitlistSlotOffered));
        service._client = service.CreateDefaultClient(service._admin);
        return service;
    }

    /// <summary>
    /// A new location id, as the identity directory would hand out, that <see cref="Client"/>'s admin works at
    /// from now on. The location is not set up yet (see <see cref="CreateLocationAsync"/>).
    /// </summary>
    public Guid NewLocationId()
    {
        var id = Guid.NewGuid();
        _admin.WorksAt(id);
        return id;
    }

    public async Task<Guid> CreateLocationAsync(string timeZone = "America/New_York", int rooms = 2, int lateCancellationHours = 24)
    {
        var id = NewLocationId();
        var response = await Client.PostAsJsonAsync("/api/scheduling/locations", new
        {
            id,
            name = "Downtown clinic",
            address = "1 Main St, Springfield",
            phone = "555-0100",
            timeZone,
            lateCancellationWindowHours = lateCancellationHours,
            openingHours = Enum.GetNames<DayOfWeek>().Select(d => new { day = d, opens = "08:00", closes = "19:00" }),
            rooms = Enumerable.Range(1, rooms).Select(i => new { name = $"Room {i}" }),
        });
        return await IdOf(response);
    }

    public async Task<Guid> CreateTherapistAsync(Guid locationId, string name = "Dana Reyes", string[]? certifications = null,
        string licenceExpiresOn = "2030-01-01", string starts = "09:00", string ends = "17:00")
    {
        var response = await Client.PostAsJsonAsync("/api/scheduling/therapists", new
        {
            name,
            licenceNumber = "MT-1234",
            licenceState = "NY",
            licenceExpiresOn,
            certifications = certifications ?? [],
            specialties = new[] { "chronic pain" },
            locationIds = new[] { locationId },
        });
        var id = await IdOf(response);
        var windows = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(day => new { locationId, day, starts, ends });
        (await Client.PutAsJsonAsync($"/api/scheduling/therapists/{id}/availability", new { windows })).EnsureSuccessStatusCode();
        return id;
    }

    private readonly ReferralStateLog _referrals = new();

    /// <summary>Publishes an accepted referral's state as the referral service would and waits until scheduling knows it.</summary>
    public async Task<Guid> AcceptReferralAsync(string[]? techniques = null, string[]? awaitingClearance = null, int visits = 10,
        DateOnly? validUntil = null, Guid? locationId = null, string? submitterClientId = null)
    {
        var state = ReferralStates.Accepted(locationId: locationId,
            patient: new PatientContact(Guid.NewGuid(), "Pat Lee", "pat@example.org", "+15550101", "email", "en"),
            physician: new PhysicianContact("Dr. Jane Doe", "1234567893", "Springfield Medical", null, null, null),
            techniques: techniques ?? ["myofascial release"], awaitingClearance: awaitingClearance,
            validFrom: new DateOnly(2026, 5, 1), validUntil: validUntil ?? new DateOnly(2026, 12, 31), visits: new VisitCounts(visits, 0, visits))
            with { SubmitterClientId = submitterClientId };
        await Probe.PublishAsync(new ReferralChanged(_referrals.Start(state)));
        await ReferralAsync(state.ReferralId, r => r.GetProperty("status").GetString() == ReferralStatuses.Accepted);
        return state.ReferralId;
    }

    /// <summary>Publishes the referral's next state, as the referral service would after a change; does not wait.</summary>
    public async Task<ReferralState> ChangeReferralAsync(Guid id, Func<ReferralState, ReferralState> change)
    {
        var next = _referrals.Next(id, change);
        await Probe.PublishAsync(new ReferralChanged(next));
        return next;
    }

    /// <summary>Waits until scheduling's view of the referral satisfies <paramref name="condition"/>.</summary>
    public async Task<JsonElement> ReferralAsync(Guid id, Func<JsonElement, bool> condition) =>
        await Eventually.WaitAsync(async () =>
        {
            var response = await Client.GetAsync($"/api/scheduling/referrals/{id}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, r => r.ValueKind == JsonValueKind.Object && condition(r), what: $"referral {id} state");

    /// <summary>
    /// Evaluation done and a plan active and certified by the physician on the first day (recertification due
    /// 2026-08-29), as the clinical-notes service reports them.
    /// </summary>
    public async Task MakeReadyForTreatmentAsync(Guid referralId, string[]? techniques = null)
    {
        var planId = Guid.NewGuid();
        await ChangeReferralAsync(referralId, s => s with { Status = ReferralStatuses.InTreatment, EvaluationCompleted = true });
        await Probe.PublishAsync(new TreatmentPlanActivated(planId, 1, referralId, techniques ?? ["myofascial release"], ["lower back"],
            2, 6, 12, new DateOnly(2026, 7, 1)));
        await Probe.PublishAsync(new TreatmentPlanCertified(planId, 1, referralId, "Dr. Jane Doe", Start, new DateOnly(2026, 8, 29)));
        await ReferralAsync(referralId, r => r.GetProperty("evaluationCompleted").GetBoolean() && r.GetProperty("hasActivePlan").GetBoolean()
            && r.GetProperty("planCertified").GetBoolean());
    }

    public Task<HttpResponseMessage> BookAsync(Guid referralId, Guid locationId, Guid therapistId, string type, DateTimeOffset startsAt) =>
        Client.PostAsJsonAsync("/api/scheduling/appointments", new { referralId, locationId, therapistId, appointmentType = type, startsAt });

    public static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<string> RuleOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("rule").GetString()!;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_probe is not null)
        {
            await _probe.DisposeAsync();
        }
        _client?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Signs every request as a clinic admin of the locations handed out so far.</summary>
    private sealed class ClinicAdmin : DelegatingHandler
    {
        private readonly Lock _lock = new();
        private readonly List<Guid> _locations = [];
        private string? _token;

        public void WorksAt(Guid location)
        {
            lock (_lock)
            {
                _locations.Add(location);
                _token = null;
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _token ??= TestTokens.For(TestCaller.ClinicAdmin([.. _locations]), TokenLifetime);
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Times in the first full week after <see cref="SchedulingService.Start"/>, in New York (EDT, UTC-4).</summary>
public static class NewYork
{
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 6, day, hour, minute, 0, TimeSpan.FromHours(-4));
}
