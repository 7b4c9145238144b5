using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisExtensions
{
    /// <summary>Registers one shared <see cref="IConnectionMultiplexer"/> for <c>ConnectionStrings:{name}</c> and its readiness check.</summary>
    /// <remarks>
    /// Not Aspire's <c>AddRedisClient</c>: Aspire.StackExchange.Redis 13.6 is built against StackExchange.Redis 2.x,
    /// and the suite is on 3.x; the contract (the connection string Aspire injects) is the same.
    /// </remarks>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder, string connectionName = "redis")
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false; // start even while Redis is down; readiness says so
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: connectionName, tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
