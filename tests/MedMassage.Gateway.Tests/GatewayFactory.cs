using MedMassage.Testing;
using Microsoft.AspNetCore.Hosting;

namespace MedMassage.Gateway.Tests;

/// <summary>
/// The gateway in-process, configured as the AppHost configures it, with every service address pointing at the
/// fixture's upstream server. Each factory gets its own Redis database unless told to share one (replicas).
/// Callers, settings and the request address come from <see cref="TestHost{TProgram}"/>, as for every service.
/// </summary>
public sealed class GatewayFactory(GatewayFixture fixture, int redisDatabase) : TestHost<Program>
{
    public const string StaffOrigin = "https://staff.clinic.example";

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:redis", $"{fixture.RedisConnectionString},defaultDatabase={redisDatabase}");
        foreach (var service in MedMassage.Gateway.Routing.DownstreamService.All.Select(s => s.Name))
        {
            builder.UseSetting($"services:{service}:http:0", fixture.Upstream.Address);
        }
        builder.UseSetting("Gateway:StaffWebOrigins:0", StaffOrigin);
    }
}
