using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using StackExchange.Redis;

namespace MedMassage.Gateway.RateLimiting;

/// <summary>
/// Limits each caller with a valid token by who they are (its subject: a person, or a system, whose subject is its
/// client id), and callers without one by IP address. Everyone signing in through the staff app shares its client id
/// and its server's address, so neither may be the key for people. Runs before authorization so floods of bad tokens
/// are limited too. If Redis is unreachable the gateway lets traffic through
/// and logs it: losing rate limiting briefly is better than refusing every clinic.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, RedisRateLimiter limiter, IProblemDetailsService problems,
    ILogger<RateLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsExempt(context.Request.Path))
        {
            await next(context);
            return;
        }
        var principal = (await context.AuthenticateAsync()).Principal;
        var client = principal?.FindFirst("sub")?.Value ?? principal?.FindFirst("client_id")?.Value;
        var ip = client is not null ? "" : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        TimeSpan? wait;
        try
        {
            wait = await limiter.TryAcquireAsync(client, ip);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(e, "Rate limiting skipped: Redis unavailable");
            wait = null;
        }
        if (wait is { } retryAfter)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Title = "Too many requests", Detail = $"Retry after {Math.Ceiling(retryAfter.TotalSeconds)} seconds." },
            });
            return;
        }
        await next(context);
    }

    // Health probes come from the orchestrator and load balancers, not from clients.
    private static bool IsExempt(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");
}
