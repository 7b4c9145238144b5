using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.Testing;

namespace MedMassage.Referral.Api.Tests.Authorization;

/// <summary>
/// One clinic's side of the world: its location, the physician who refers to it and the hospital system that
/// submits its referrals.
/// </summary>
public sealed record Clinic(Guid Location, string Npi, string ClientId);

/// <summary>
/// One referral service shared by the authorization tests, with two clinics: callers work at <see cref="A"/>
/// (staff), are <see cref="A"/>'s physician (by NPI) or its hospital system (by client id); <see cref="B"/> is
/// another clinic of the chain, another physician and another system. Referrals are written through the domain
/// model, as a submission by the clinic's system would store them, so every test starts from known rows.
/// </summary>
public sealed class TwoClinics : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ReferralService? _service;

    public ReferralService Service => _service ?? throw new InvalidOperationException("Call StartAsync first.");
    public Clinic A { get; } = new(Guid.NewGuid(), TestReferrals.Npi, "st-mary-ehr");
    public Clinic B { get; } = new(Guid.NewGuid(), TestReferrals.OtherNpi, "county-his");

    public Clinic Of(string where) => where == "own" ? A : B;

    public async Task<TwoClinics> StartAsync(InfrastructureFixture infrastructure)
    {
        await _gate.WaitAsync();
        try
        {
            _service ??= await ReferralService.StartAsync(infrastructure, caller: TestCaller.ClinicAdmin(A.Location, B.Location));
            return this;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A new referral received at the clinic's location from its physician, submitted by its hospital system; with a
    /// technique awaiting clearance, so every intake decision can be taken on it. <paramref name="then"/> moves it on;
    /// <paramref name="placeNowhere"/> sends it without a location, for the chain to place.
    /// </summary>
    public async Task<Guid> NewReferralAsync(Clinic clinic, Action<MedMassage.Referral.Api.Domain.Referral>? then = null, bool placeNowhere = false)
    {
        var today = TestReferrals.Today();
        var request = TestReferrals.Valid(today, clinic.Location) with
        {
            LocationId = placeNowhere ? null : clinic.Location,
            Physician = TestReferrals.Valid(today).Physician! with { Npi = clinic.Npi },
            Techniques = ["scar-tissue-release", "stretching"],
        };
        var errors = ReferralValidator.Validate(request, today, out var content);
        Assert.False(errors.Any);
        var submitter = new Submitter(clinic.ClientId, clinic.ClientId, Roles.IntegrationClient, clinic.ClientId);
        var referral = MedMassage.Referral.Api.Domain.Referral.Receive(Guid.CreateVersion7(), MedMassage.Referral.Api.Domain.ReferralReference.FromNumber(Random.Shared.Next(1, 1 << 30)), content!, [], submitter, DateTimeOffset.UtcNow);
        then?.Invoke(referral);
        referral.DequeueEvents();
        await Service.QueryAsync(db =>
        {
            db.Referrals.Add(referral);
            return db.SaveChangesAsync();
        });
        return referral.Id;
    }

    /// <summary>A client acting as <paramref name="caller"/>: staff of A, A's physician or A's hospital system.</summary>
    public HttpClient Client(string caller) => caller == Callers.NoToken ? Service.CreateAnonymousClient() : Service.CreateClientAs(Callers.For(caller, A));

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

/// <summary>Every kind of caller the matrix runs, by role name.</summary>
public static class Callers
{
    public const string NoToken = "no token";

    public static readonly IReadOnlyList<string> All =
        [Roles.FrontDesk, Roles.Therapist, Roles.ClinicAdmin, Roles.Ops, Roles.ReferringPhysician, Roles.IntegrationClient, NoToken];

    /// <summary>The caller of that role belonging to <paramref name="clinic"/>.</summary>
    public static TestCaller For(string role, Clinic clinic) => role switch
    {
        Roles.FrontDesk => TestCaller.FrontDesk(clinic.Location),
        Roles.Therapist => TestCaller.Therapist(clinic.Location),
        Roles.ClinicAdmin => TestCaller.ClinicAdmin(clinic.Location),
        Roles.Ops => TestCaller.Ops(),
        Roles.ReferringPhysician => TestCaller.Physician(clinic.Npi),
        Roles.IntegrationClient => TestCaller.Integration(clinic.ClientId, "system/ServiceRequest.write", "system/ServiceRequest.read"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
