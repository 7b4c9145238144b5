using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A server the service needs that is restarting or unreachable is a moment's outage, not a server error: the request
/// answers <b>503</b> with <c>Retry-After</c>. A database transaction cut off this way was rolled back by PostgreSQL,
/// so nothing is half written; what needs Redis alone (slot holds) simply was not done.
/// </summary>
internal sealed partial class UnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<UnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Unavailable(exception) is not { } outage)
        {
            return false;
        }
        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, outage.Server, outage.Cause.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = $"The service's {outage.Server} is unavailable for a moment.",
                Detail = "The request was not completed. Try again in a few seconds.",
            },
        });
    }

    /// <summary>The server behind <paramref name="exception"/> that cannot be reached now, and the error saying so.</summary>
    internal static (string Server, Exception Cause)? Unavailable(Exception? exception) =>
        DatabaseUnavailable(exception) is { } database ? ("database", database)
        : Chain(exception).FirstOrDefault(e => e is RedisConnectionException or RedisTimeoutException) is { } redis ? ("Redis", redis)
        : null;

    /// <summary>
    /// The database error behind <paramref name="exception"/> (EF Core wraps it) when it means "not reachable now": a
    /// connection that failed or was cut, a server shutting down or starting (57P01–57P03), a connection error (08xxx).
    /// </summary>
    internal static NpgsqlException? DatabaseUnavailable(Exception? exception)
    {
        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return pg;
                case PostgresException:
                    return null; // the server answered: a real error of the request
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is System.Net.Sockets.SocketException or IOException or EndOfStreamException:
                    return npgsql;
            }
        }
        return null;
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Method} {Path} answered 503: its {Server} is unavailable ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string server, string reason);
}
