using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Contracts.Scheduling;
using MedMassage.ClinicalNotes.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

/// <summary>
/// One running service plus an event probe: feeds referral and scheduling events as those services would publish
/// them, and watches what clinical notes publishes.
/// </summary>
internal sealed class Clinic : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = MedMassage.ServiceDefaults.ApiJson.Options;

    private static readonly Type[] Observed =
    [
        typeof(EvaluationCompleted), typeof(ClearanceRequested), typeof(TreatmentPlanActivated), typeof(TreatmentPlanRevised),
        typeof(TreatmentPlanCertified), typeof(ReEvaluationDue), typeof(ProgressReportIssued),
        typeof(DischargeSummaryIssued), typeof(AdverseEventReported), typeof(UnsignedNotesFlagged), typeof(PlanRecertificationDue),
    ];

    private Clinic(ClinicalNotesService service, EventProbe probe, Guid locationId)
    {
        Service = service;
        Probe = probe;
        LocationId = locationId;
        // A therapist's staff user id is the therapist id appointments name, so this user treats the clinic's visits.
        Therapist = service.CreateClientAs(TestCaller.Therapist(locationId) with { Subject = TherapistId.ToString() }, "10.0.0.7");
    }

    public ClinicalNotesService Service { get; }
    public EventProbe Probe { get; }

    /// <summary>The treating therapist documenting care (user <see cref="TherapistId"/>, working at <see cref="LocationId"/>).</summary>
    public HttpClient Therapist { get; }

    /// <summary>The therapist of every visit booked here unless told otherwise; also the <see cref="Therapist"/>'s user id.</summary>
    public Guid TherapistId { get; } = Guid.NewGuid();

    /// <summary>The clinic's location: its referrals are sent here, its visits held here.</summary>
    public Guid LocationId { get; }

    public static async Task<Clinic> OpenAsync(InfrastructureFixture infrastructure, Action<ClinicalNotesService>? configure = null)
    {
        var location = Guid.NewGuid();
        var service = new ClinicalNotesService(infrastructure) { DefaultCaller = TestCaller.ClinicAdmin(location) };
        configure?.Invoke(service);
        await service.WaitUntilReadyAsync();
        var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, Observed);
        return new Clinic(service, probe, location);
    }

    /// <summary>A staff member of this clinic (at <see cref="LocationId"/>) acting as user <paramref name="user"/>.</summary>
    public HttpClient Staff(string role, string user, string address, string? clientId = null)
    {
        var caller = new TestCaller(role, [LocationId], $"User {user}", ClientId: clientId) { Subject = user };
        return Service.CreateClientAs(caller, address);
    }

    private readonly ReferralStateLog _referrals = new();

    /// <summary>A referral accepted for <paramref name="locationId"/> (this clinic's by default), or to none.</summary>
    public async Task<Guid> AcceptReferralAsync(string[]? techniques = null, string[]? awaitingClearance = null, int visits = 12,
        string physicianNpi = "1234567893", Guid? locationId = null, bool withoutLocation = false, string? submitterClientId = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var state = ReferralStates.Accepted(locationId: withoutLocation ? null : locationId ?? LocationId,
            patient: new PatientContact(Guid.NewGuid(), "Grace Patient", "grace@example.test", null, "email", "en"),
            physician: new PhysicianContact("Dr. Ruth Lee", physicianNpi, "Lee Orthopedics", "lee@example.test", null, null),
            diagnoses: ["M54.2"], techniques: techniques ?? ["Myofascial release", "Massage", "Scar tissue release"], bodyRegions: ["neck", "upper back"],
            awaitingClearance: awaitingClearance, validFrom: today.AddDays(-1), validUntil: today.AddDays(90), visits: new VisitCounts(visits, 0, visits))
            with { SubmitterClientId = submitterClientId };
        await Probe.PublishAsync(new ReferralChanged(_referrals.Start(state)));
        await Eventually.WaitAsync(() => Service.QueryAsync(db => db.Referrals.AnyAsync(r => r.Id == state.ReferralId)), known => known, what: "referral known");
        return state.ReferralId;
    }

    /// <summary>Publishes the referral's next state, as the referral service would after a change; does not wait.</summary>
    public async Task<ReferralState> ChangeReferralAsync(Guid id, Func<ReferralState, ReferralState> change)
    {
        var next = _referrals.Next(id, change);
        await Probe.PublishAsync(new ReferralChanged(next));
        return next;
    }

    /// <summary>Books appointments of one type for the referral, an hour apart from now on (at this clinic unless told otherwise).</summary>
    public async Task<Guid[]> BookAsync(Guid referralId, string type, int count = 1, Guid? locationId = null, Guid? therapistId = null)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            await Probe.PublishAsync(new AppointmentBooked(new AppointmentInfo(ids[i], referralId, type, start.AddHours(i), start.AddHours(i).AddMinutes(45),
                new LocationInfo(locationId ?? LocationId, "Downtown", "1 Main St", "555-0100", "Europe/Berlin"), therapistId ?? TherapistId, "Tom Therapist",
                new PatientContact(Guid.NewGuid(), "Grace Patient", null, null, "email", "en"), null)));
        }
        await Eventually.WaitAsync(() => Service.QueryAsync(db => db.Appointments.CountAsync(a => ids.Contains(a.Id))), n => n == count, what: "appointments known");
        return ids;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await Probe.DisposeAsync();
        Therapist.Dispose();
        await Service.DisposeAsync();
    }
}

internal static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Clinic.Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Clinic.Json);
}
