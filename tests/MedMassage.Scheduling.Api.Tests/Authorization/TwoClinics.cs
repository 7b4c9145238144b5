using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Authorization;

/// <summary>What one clinic has set up: a therapist, a referral sent to it, a booked evaluation and a waitlist entry.</summary>
public sealed record Clinic(Guid Location, Guid Therapist, Guid Referral, Guid Appointment, Guid WaitlistEntry);

/// <summary>
/// One scheduling service shared by the authorization tests, with two clinics: callers work at <see cref="A"/>,
/// and <see cref="B"/> is another clinic of the chain. Tests that change something use fresh records.
/// </summary>
public sealed class TwoClinics : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SchedulingService? _service;
    private int _nextSlot;
    private int _nextArrival;
    private (Clinic Clinic, Guid Appointment)? _arriving;

    public SchedulingService Service => _service ?? throw new InvalidOperationException("Call StartAsync first.");
    public Clinic A { get; private set; } = null!;
    public Clinic B { get; private set; } = null!;

    public async Task<TwoClinics> StartAsync(InfrastructureFixture infrastructure)
    {
        await _gate.WaitAsync();
        try
        {
            if (_service is null)
            {
                var service = await SchedulingService.StartAsync(infrastructure);
                A = await SetUpClinicAsync(service);
                B = await SetUpClinicAsync(service);
                _service = service;
            }
            return this;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Clinic Of(string where) => where == "own" ? A : B;

    /// <summary>A new referral of the clinic, with nothing booked yet.</summary>
    public Task<Guid> FreshReferralAsync(Clinic clinic) => Service.AcceptReferralAsync(locationId: clinic.Location);

    /// <summary>A time nobody has used yet: one hour of a weekday in June, at the clinics' New York time.</summary>
    public DateTimeOffset FreshTime()
    {
        var n = Interlocked.Increment(ref _nextSlot) - 1;
        int[] days = [3, 4, 5, 9, 10, 11, 12];
        return NewYork.At(days[n / 8 % days.Length], 9 + n % 8);
    }

    /// <summary>A newly booked evaluation at the clinic, for a test that changes it.</summary>
    public async Task<Guid> FreshAppointmentAsync(Clinic clinic) =>
        await SchedulingService.IdOf(await Service.BookAsync(await FreshReferralAsync(clinic), clinic.Location, clinic.Therapist, "evaluation", FreshTime()));

    /// <summary>
    /// An evaluation at the clinic, still booked, that starts soon enough to be checked in at the service's clock
    /// (Monday 08:00 in New York). One is reused until it is checked in: the clinic's two rooms hold only four such
    /// visits (two at 09:00, two at 10:00, each with its own therapist), and most callers are refused before it changes.
    /// </summary>
    public async Task<Guid> ArrivingAppointmentAsync(Clinic clinic)
    {
        if (_arriving is { } current && current.Clinic == clinic && await StatusOfAsync(current.Appointment) == "booked")
        {
            return current.Appointment;
        }
        var n = Interlocked.Increment(ref _nextArrival) - 1;
        if (n >= 4)
        {
            throw new InvalidOperationException("Only four visits fit the clinic's rooms within the check-in lead time.");
        }
        var therapist = await Service.CreateTherapistAsync(clinic.Location, $"Therapist {n}");
        var appointment = await SchedulingService.IdOf(
            await Service.BookAsync(await FreshReferralAsync(clinic), clinic.Location, therapist, "evaluation", NewYork.At(1, n < 2 ? 9 : 10)));
        _arriving = (clinic, appointment);
        return appointment;
    }

    public async Task<string> StatusOfAsync(Guid appointment) =>
        (await Service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments/{appointment}")).GetProperty("status").GetString()!;

    private static async Task<Clinic> SetUpClinicAsync(SchedulingService service)
    {
        var location = await service.CreateLocationAsync();
        var therapist = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync(locationId: location);
        var appointment = await SchedulingService.IdOf(await service.BookAsync(referral, location, therapist, "evaluation", NewYork.At(2, 9)));
        var entry = await SchedulingService.IdOf(await service.Client.PostAsJsonAsync("/api/scheduling/waitlist",
            new { referralId = referral, locationId = location, appointmentType = "evaluation" }));
        return new Clinic(location, therapist, referral, appointment, entry);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
        _gate.Dispose();
    }
}
