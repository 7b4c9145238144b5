using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Infrastructure;
using MedMassage.Testing;

namespace MedMassage.Referral.Api.Tests.Support;

/// <summary>
/// The referral service hosted on the real servers with a fresh database, ready (bus connected) when
/// <see cref="StartAsync"/> returns it. <see cref="Client"/> acts as <see cref="Caller"/>: by default a clinic admin
/// of <see cref="TestReferrals.Clinic"/>, where <see cref="TestReferrals.Valid"/> sends referrals.
/// </summary>
public sealed class ReferralService(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure, "referraldb", "referral-api")
{
    public TestCaller Caller { get; private set; } = TestCaller.ClinicAdmin(TestReferrals.Clinic);

    public HttpClient Client => _client ?? throw new InvalidOperationException("Call StartAsync first.");

    private HttpClient? _client;

    public static async Task<ReferralService> StartAsync(
        InfrastructureFixture infrastructure, TimeProvider? time = null, IDictionary<string, string?>? settings = null, TestCaller? caller = null)
    {
        var service = new ReferralService(infrastructure) { Clock = time };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            service.Settings[key] = value;
        }
        service.Caller = caller ?? service.Caller;
        service._client = service.CreateClientAs(service.Caller);
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>A unit of work on the service's own database, to check what is (not) stored.</summary>
    public Task<T> QueryAsync<T>(Func<ReferralDbContext, Task<T>> query) => InScopeAsync(query);

    public Task<HttpResponseMessage> SubmitAsync(SubmitReferral request, string? idempotencyKey = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return Client.SendAsync(message);
    }

    public async Task<ReferralDetails> SubmitValidAsync(SubmitReferral request)
    {
        var response = await SubmitAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReferralDetails>())!;
    }

    public async Task<ReferralDetails> GetAsync(Guid id) =>
        (await Client.GetFromJsonAsync<ReferralDetails>($"/api/referrals/{id}"))!;

    /// <summary>POSTs an action (accept, reject, hold, resume, cancel, clearances), optionally with If-Match.</summary>
    public Task<HttpResponseMessage> ActAsync(Guid id, string action, object? body = null, string? ifMatch = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{id}/{action}");
        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }
        if (ifMatch is not null)
        {
            message.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return Client.SendAsync(message);
    }

    public async Task<ReferralDetails> AcceptAsync(Guid id)
    {
        var response = await ActAsync(id, "accept");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReferralDetails>())!;
    }

    public override async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await base.DisposeAsync();
    }
}
