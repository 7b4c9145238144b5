using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MedMassage.Gateway.Edge;

/// <summary>
/// Every request and response carries <c>X-Correlation-Id</c>: the caller's own if it is a sane token (hospital
/// systems quote it in support tickets), otherwise the W3C trace id, which ties it to the trace in the dashboard.
/// </summary>
internal sealed partial class CorrelationId(RequestDelegate next, ILogger<CorrelationId> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = SaneId().IsMatch(incoming) ? incoming : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Request.Headers[Header] = id; // forwarded to the service
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SaneId();
}
