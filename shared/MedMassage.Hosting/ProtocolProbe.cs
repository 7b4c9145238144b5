using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedMassage.Hosting;

/// <summary>
/// A health check that talks the server's own protocol on its port (a greeting, a PONG, a protocol header),
/// because an open port alone does not mean the server is ready: RabbitMQ listens seconds before it serves.
/// </summary>
internal sealed class ProtocolProbe(int port, ReadOnlyMemory<byte> send, Func<byte[], int, bool>? isReady) : IHealthCheck
{
    /// <summary>Healthy once the port accepts connections.</summary>
    public static ProtocolProbe Accepting(int port) => new(port, ReadOnlyMemory<byte>.Empty, null);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            if (send.IsEmpty && isReady is null)
            {
                return HealthCheckResult.Healthy(); // a server that speaks only when spoken to: accepting is enough
            }
            if (!send.IsEmpty)
            {
                await stream.WriteAsync(send, timeout.Token);
            }
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return isReady!(buffer, read) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Not serving yet.");
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}

internal static class ProtocolProbeExtensions
{
    /// <summary>Registers <paramref name="probe"/> as the resource's health check, so WaitFor waits for it.</summary>
    public static IResourceBuilder<T> WithProtocolProbe<T>(this IResourceBuilder<T> builder, ProtocolProbe probe) where T : IResource
    {
        var key = $"{builder.Resource.Name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, probe, HealthStatus.Unhealthy, null));
        return builder.WithHealthCheck(key);
    }
}
