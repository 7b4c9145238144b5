using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedMassage.Messaging.Monitoring;

/// <summary>
/// A message that exhausted its retries waits in an <c>_error</c> queue until ops fix the cause and move it back, so
/// the service reports itself <b>Degraded</b> while any of its error queues holds one (and so does the gateway's
/// <c>/health</c>); <c>/health/details</c> names the queues, and the poller logs an error as each failure arrives.
/// Degraded still answers 200 and takes traffic; the rest of the stream flows.
/// </summary>
internal sealed class ErrorQueueHealthCheck(QueueDepths depths) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = depths.ErrorQueues().Where(q => q.Messages > 0).ToList();
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy("No message in an error queue.")
            : HealthCheckResult.Degraded(
                $"{failed.Sum(q => q.Messages)} message(s) failed and wait in {string.Join(", ", failed.Select(q => $"{q.Queue} ({q.Messages})"))}: "
                + "fix the cause, then run the eventbus command \"Move error messages back\" (docs/operations.md)."));
    }
}
