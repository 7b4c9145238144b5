using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain.Submission;
using MedMassage.Referral.Api.Infrastructure;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Referral.Api.Tests.Support;

/// <summary>
/// The referral service hosted on the real servers with a fresh database, ready (bus connected) when returned.
/// <see cref="Client"/> acts as <see cref="Caller"/>: by default a clinic admin of <see cref="TestReferrals.Clinic"/>,
/// where <see cref="TestReferrals.Valid"/> sends referrals.
/// </summary>
public sealed class ReferralApp : IAsyncDisposable
{
    private readonly ServiceFactory<Program> _service;
    private readonly WebApplicationFactory<Program> _factory;

    private ReferralApp(ServiceFactory<Program> service, WebApplicationFactory<Program> factory, TestCaller caller)
    {
        _service = service;
        _factory = factory;
        Caller = caller;
        Client = ClientAs(caller);
    }

    public TestCaller Caller { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;

    public static async Task<ReferralApp> StartAsync(
        InfrastructureFixture infrastructure, TimeProvider? time = null, IDictionary<string, string?>? settings = null, TestCaller? caller = null)
    {
        var service = new ServiceFactory<Program>(infrastructure, "referraldb", "referral-api");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            service.Settings[key] = value;
        }
        var factory = time is null
            ? service
            : service.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(time)));
        var app = new ReferralApp(service, factory, caller ?? TestCaller.ClinicAdmin(TestReferrals.Clinic));
        await Eventually.WaitAsync(() => app.Client.GetAsync("/health"), r => r.StatusCode == HttpStatusCode.OK, what: "referral service ready");
        return app;
    }

    /// <summary>A client whose every request carries an access token for <paramref name="caller"/>.</summary>
    public HttpClient ClientAs(TestCaller caller) => ClientWithToken(TestTokens.For(caller, TimeSpan.FromHours(2)));

    /// <summary>A client sending exactly this bearer token, or none at all.</summary>
    public HttpClient ClientWithToken(string? token)
    {
        var client = _factory.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A unit of work on the service's own database, to check what is (not) stored.</summary>
    public async Task<T> QueryAsync<T>(Func<ReferralDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReferralDbContext>());
    }

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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!ReferenceEquals(_factory, _service))
        {
            await _factory.DisposeAsync();
        }
        await _service.DisposeAsync();
    }
}
