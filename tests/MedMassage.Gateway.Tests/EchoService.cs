using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedMassage.Gateway.Tests;

/// <summary>What a service behind the gateway received.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, long BodyBytes);

/// <summary>
/// A real HTTP server on a loopback port standing where the services stand, recording every request the gateway
/// forwards to it. <c>/slow</c> paths answer after 5 s (for upstream timeouts).
/// </summary>
public sealed class EchoService : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<ReceivedRequest> Received { get; }

    public string Address { get; }

    private EchoService(WebApplication app, string address, ConcurrentQueue<ReceivedRequest> received) =>
        (_app, Address, Received) = (app, address, received);

    public static async Task<EchoService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var received = new ConcurrentQueue<ReceivedRequest>();
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var path = context.Request.Path + context.Request.QueryString;
            if (path != "/health")
            {
                received.Enqueue(new ReceivedRequest(context.Request.Method, path,
                    context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.Length));
            }
            if (context.Request.Path.Value?.Contains("/slow", StringComparison.Ordinal) == true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            }
            await context.Response.WriteAsJsonAsync(new { status = "Healthy", path }, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoService(app, address, received);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
