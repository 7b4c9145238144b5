using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Malformed JSON, wrong content types and oversized bodies surface as <see cref="BadHttpRequestException"/>;
/// they are the caller's fault and answer with their own 4xx ProblemDetails, never a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            // The JSON reader's own words say where the body went wrong (its path and position); ours say only which parameter.
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.InnerException is System.Text.Json.JsonException json ? json.Message : bad.Message },
        });
    }
}
