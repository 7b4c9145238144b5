using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The readiness report, worked out at most once per <see cref="MaxAge"/> and shared by every caller meanwhile: a flood
/// of anonymous <c>/health</c> calls makes one round of checks (one call to each service, for the gateway), not one each.
/// </summary>
public sealed class HealthSnapshot(HealthCheckService checks, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Task<HealthReport>? _report;
    private DateTimeOffset _startedAt;

    public Task<HealthReport> GetAsync()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_report is null || (_report.IsCompleted && now - _startedAt >= MaxAge))
            {
                _startedAt = now;
                // Not the caller's cancellation: the round is shared, and each check has its own timeout.
                _report = checks.CheckHealthAsync(CancellationToken.None);
            }
            return _report;
        }
    }
}
