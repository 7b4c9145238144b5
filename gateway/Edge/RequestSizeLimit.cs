using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MedMassage.Gateway.Edge;

/// <summary>
/// Oversized bodies are refused at the door with 413: at once when Content-Length says so, and by Kestrel's
/// per-request limit while reading a chunked body, so no service ever buffers one.
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next, IOptions<EdgeOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Title = "Request body too large", Detail = $"The gateway accepts bodies up to {limit} bytes." },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        await next(context);
    }
}
