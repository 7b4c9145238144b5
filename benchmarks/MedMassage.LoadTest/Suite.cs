using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using MedMassage.Testing;

namespace MedMassage.LoadTest;

/// <summary>
/// The whole suite started as <c>scripts/run.sh</c> starts it (Release build, every server and service a process),
/// with the gateway's rate limits raised for the run, and a clinic admin's real token from the identity service.
/// </summary>
public sealed partial class Suite : IAsyncDisposable
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
        Resources = resources;
        _token = token;
        Gateway = NewClient(appHost.GatewayUrl);
    }

    public Uri GatewayUrl => _appHost.GatewayUrl;

    /// <summary>Signed in as the clinic admin, through the gateway.</summary>
    public HttpClient Gateway { get; }

    public IReadOnlyDictionary<string, ResourceRow> Resources { get; }

    public int AppHostProcessId => _appHost.ProcessId;

    public string AppHostOutput => _appHost.Output;

    /// <summary>The resource table shows connection strings masked; the local servers use fixed development credentials.</summary>
    public string SchedulingDatabase => WithPassword(Resources["schedulingdb"].Endpoint);

    public string PostgresServer => WithPassword(Resources["postgres"].Endpoint);

    public string EventBus => Resources["eventbus"].Endpoint.Replace(":****@", ":guest@", StringComparison.Ordinal);

    /// <summary>A client with the same token that talks to scheduling-api directly, bypassing the gateway.</summary>
    public HttpClient DirectToScheduling() => NewClient(new Uri(Resources["scheduling-api"].Endpoint));

    public static async Task<Suite> StartAsync()
    {
        var appHost = await AppHostProcess.StartAsync(TimeSpan.FromMinutes(10));
        try
        {
            var resources = ResourceTable(appHost.Output);
            var token = await StaffToken.SignInAsync(appHost.GatewayUrl, "admin", "dev-admin");
            return new Suite(appHost, resources, token);
        }
        catch
        {
            await appHost.DisposeAsync();
            throw;
        }
    }

    private static string WithPassword(string masked) => masked.Replace("Password=****", "Password=postgres", StringComparison.Ordinal);

    private HttpClient NewClient(Uri baseAddress) =>
        new(new BearerHandler(_token) { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) } })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The last row printed for each resource: state, process id and first endpoint.</summary>
    private static Dictionary<string, ResourceRow> ResourceTable(string output) =>
        Row().Matches(output).Select(m => new ResourceRow(m.Groups["name"].Value,
                m.Groups["pid"].Value == "-" ? null : int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture), m.Groups["endpoint"].Value))
            .GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Last());

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await _token.DisposeAsync();
        await _appHost.DisposeAsync();
    }

    [GeneratedRegex(@"^(?<name>[\w-]+)\s+(?:Running|Unhealthy|Starting)\s+(?<pid>\d+|-)\s+(?<endpoint>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

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
