using System.Globalization;
using MedMassage.StaffApp.Gateway;
using MedMassage.StaffApp.Session;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace MedMassage.StaffApp.Extensions;

internal static class Extensions
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("es")];

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StaffAppOptions.Section).Get<StaffAppOptions>() ?? new StaffAppOptions();
        builder.Services.Configure<StaffAppOptions>(builder.Configuration.GetSection(StaffAppOptions.Section));

        // Sessions (cookie keys and the people's tokens) live in Redis, so any replica can serve any person.
        builder.AddRedis("redis");
        builder.Services.AddDataProtection().SetApplicationName("MedMassage.StaffApp");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "medmassage:staff-app:data-protection-keys"));

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
        });

        builder.AddStaffSignIn(options);
        builder.Services.AddSingleton<StaffTokenStore>();
        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddScoped<StaffSession>();
        builder.AddGatewayClient(options);
    }
}
