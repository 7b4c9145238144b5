using System.Net.Http.Headers;
using MedMassage.Testing;

namespace MedMassage.LoadTest;

/// <summary>
/// The whole suite started as <c>scripts/run.sh</c> starts it (the Release AppHost, every server and service a process),
/// with the gateway's rate limits raised for the run, and a clinic admin's real token from the identity service.
/// </summary>
public sealed class Suite : IAsyncDisposable
{
    /// <summary>Clinic admin of this location in the development seed (services/identity/seed.development.json).</summary>
    public static readonly Guid AdminLocation = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4");

    private static readonly Dictionary<string, string?> RaisedRateLimits = new()
    {
        // One benchmark client is one staff app client and one IP: the defaults (600 and 1200 a minute) would refuse most of the load.
        ["Gateway__PerClient__PermitLimit"] = "100000000",
        ["Gateway__PerIp__PermitLimit"] = "100000000",
    };

    private readonly AppHostProcess _appHost;
    private readonly StaffToken _token;

    private Suite(AppHostProcess appHost, IReadOnlyDictionary<string, ResourceRow> resources, StaffToken token)
    {
        _appHost = appHost;
        Processes = new SuiteProcesses(appHost);
        Resources = resources;
        _token = token;
        Gateway = NewClient(appHost.GatewayUrl);
    }

    public Uri GatewayUrl => _appHost.GatewayUrl;

    /// <summary>Signed in as the clinic admin, through the gateway.</summary>
    public HttpClient Gateway { get; }

    public IReadOnlyDictionary<string, ResourceRow> Resources { get; }

    public SuiteProcesses Processes { get; }

    /// <summary>What the AppHost gave scheduling-api, read from its environment.</summary>
    public string SchedulingDatabase => Resources["schedulingdb"].Endpoint;

    public string PostgresServer => Resources["postgres"].Endpoint;

    public string EventBus => Resources["eventbus"].Endpoint;

    /// <summary>A client with the same token that talks to scheduling-api directly, bypassing the gateway.</summary>
    public HttpClient DirectToScheduling() => NewClient(new Uri(Resources["scheduling-api"].Endpoint));

    public static async Task<Suite> StartAsync(string? replicas = null)
    {
        var appHost = await AppHostProcess.StartAsync(TimeSpan.FromMinutes(10), RaisedRateLimits, replicas is null ? [] : ["--replicas", replicas]);
        try
        {
            var resources = Discover(new SuiteProcesses(appHost));
            var token = await StaffToken.SignInAsync(appHost.GatewayUrl, "admin", "dev-admin");
            return new Suite(appHost, resources, token);
        }
        catch
        {
            await appHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Each resource's process, and where it is reached: the connection strings and addresses scheduling-api and the
    /// gateway were given, as the AppHost injected them.
    /// </summary>
    private static Dictionary<string, ResourceRow> Discover(SuiteProcesses processes)
    {
        var pids = processes.Resources();
        var scheduling = SuiteProcesses.EnvironmentOf(pids["scheduling-api"]);
        var gateway = SuiteProcesses.EnvironmentOf(pids["gateway"]);
        var database = scheduling["ConnectionStrings__schedulingdb"];
        var server = new Npgsql.NpgsqlConnectionStringBuilder(database) { Database = "postgres" }.ConnectionString;
        var endpoints = new Dictionary<string, string>
        {
            ["schedulingdb"] = database,
            ["postgres"] = server,
            ["eventbus"] = scheduling["ConnectionStrings__eventbus"],
            ["redis"] = scheduling["ConnectionStrings__redis"],
            ["scheduling-api"] = gateway["services__scheduling-api__http__0"],
        };
        var rows = pids.ToDictionary(p => p.Key, p => new ResourceRow(p.Key, p.Value, endpoints.GetValueOrDefault(p.Key, "")));
        rows["schedulingdb"] = new ResourceRow("schedulingdb", null, database);
        return rows;
    }

    private HttpClient NewClient(Uri baseAddress) =>
        new(new BearerHandler(_token) { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) } })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await _token.DisposeAsync();
        await _appHost.DisposeAsync();
    }

    private sealed class BearerHandler(StaffToken token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Current);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public sealed record ResourceRow(string Name, int? ProcessId, string Endpoint);
