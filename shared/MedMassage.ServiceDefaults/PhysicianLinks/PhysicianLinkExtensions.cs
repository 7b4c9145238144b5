using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace MedMassage.ServiceDefaults.PhysicianLinks;

public static class PhysicianLinkExtensions
{
    /// <summary>
    /// Physician links, with the Data Protection key ring kept in the suite's Redis under one application name: a link
    /// the notification service issues is read by clinical-notes or referral, on any replica.
    /// </summary>
    public static IHostApplicationBuilder AddPhysicianLinks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("MedMassage");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "medmassage:data-protection-keys"));
        builder.Services.Configure<PhysicianLinkOptions>(builder.Configuration.GetSection("PhysicianLinks"));
        builder.Services.AddSingleton<PhysicianLinks>();
        return builder;
    }
}
