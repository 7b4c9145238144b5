using Microsoft.AspNetCore.Http.Features;

namespace MedMassage.Gateway.Edge;

/// <summary>
/// No API path ever needs an encoded slash, backslash, dot segment or NUL. Refusing them at the door (400) keeps
/// a request from matching one route at the gateway and meaning another path at a service.
/// </summary>
internal sealed class PathTraversalGuard(RequestDelegate next, IProblemDetailsService problems)
{
    private static readonly string[] Suspicious = ["%2f", "%5c", "%2e", "%00", "\\", "/../", "/./"];

    public async Task InvokeAsync(HttpContext context)
    {
        // Both the target as sent and the decoded path (which keeps %2F encoded) are checked.
        var raw = (context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "").Split('?', 2)[0];
        if (IsSuspicious(raw) || IsSuspicious(context.Request.Path.Value ?? ""))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Title = "Malformed path", Detail = "Encoded separators and dot segments are not accepted." },
            });
            return;
        }
        await next(context);
    }

    private static bool IsSuspicious(string path) =>
        Suspicious.Any(s => path.Contains(s, StringComparison.OrdinalIgnoreCase)) || path.EndsWith("/..", StringComparison.Ordinal);
}
