using System.Text.Json;
using MedMassage.Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedMassage.Gateway.Health;

/// <summary>The gateway is as ready as the services it fronts: each service's /health becomes one entry of ours.</summary>
internal sealed class DownstreamHealthCheck(IHttpClientFactory clients, IConfiguration configuration, DownstreamService service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!service.IsConfigured(configuration))
        {
            return HealthCheckResult.Unhealthy($"{service.Name} is not configured (services__{service.Name}__http__0)");
        }
        try
        {
            using var response = await clients.CreateClient(nameof(DownstreamHealthCheck)).GetAsync(new Uri(service.Address, "/health"), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = TryReadStatus(body) ?? response.StatusCode.ToString();
            // A Degraded service still takes traffic (say, a message waits in its error queue): the suite says so too.
            return !response.IsSuccessStatusCode ? HealthCheckResult.Unhealthy($"{(int)response.StatusCode}: {body}")
                : status == nameof(HealthStatus.Degraded) ? HealthCheckResult.Degraded(status)
                : HealthCheckResult.Healthy(status);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{service.Name} did not answer: {e.Message}");
        }
    }

    private static string? TryReadStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
