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
        var target = (context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "").Split('?', 2);
        var raw = target[0];
        // NUL means nothing in any parameter, and PostgreSQL refuses it in text: the query is refused at the door too.
        var nulInQuery = target.Length > 1 && target[1].Contains("%00", StringComparison.Ordinal);
        if (nulInQuery || IsSuspicious(raw) || IsSuspicious(context.Request.Path.Value ?? ""))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Title = "Malformed path", Detail = "Encoded separators, dot segments and NUL characters are not accepted." },
            });
            return;
        }
        await next(context);
    }

    private static bool IsSuspicious(string path) =>
        Suspicious.Any(s => path.Contains(s, StringComparison.OrdinalIgnoreCase)) || path.EndsWith("/..", StringComparison.Ordinal);
}
