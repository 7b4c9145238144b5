using System.Collections.Concurrent;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.Notification.Api.Infrastructure.Delivery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// A stand-in SMS provider for development and tests: it accepts what a provider's send API would and keeps it
/// in memory, so sent SMS can be read at GET /api/notifications/dev/sms. Mapped only when enabled.
/// </summary>
public static class SmsSinkApi
{
    public static RouteGroupBuilder MapSmsSinkApi(this RouteGroupBuilder api)
    {
        if (!api.ServiceProvider().GetRequiredService<IOptions<NotificationOptions>>().Value.SmsSinkEnabled)
        {
            return api;
        }
        var sink = api.MapGroup("/dev/sms").WithTags("Development SMS sink");
        sink.MapPost("/", Receive);
        sink.MapGet("/", (SmsSink received) => TypedResults.Ok(received.All));
        return api;
    }

    private static Results<Accepted, ValidationProblem> Receive(SmsSink received, SmsRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.To) || string.IsNullOrWhiteSpace(request.Body))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to and body are required."] });
        }
        received.Add(request);
        return TypedResults.Accepted((string?)null);
    }

    private static IServiceProvider ServiceProvider(this IEndpointRouteBuilder builder) => builder.ServiceProvider;
}

public sealed class SmsSink
{
    private readonly ConcurrentQueue<SmsRequest> _received = new();

    public IReadOnlyList<SmsRequest> All => [.. _received];

    public void Add(SmsRequest request) => _received.Enqueue(request);
}
