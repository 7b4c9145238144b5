using MassTransit;
using MedMassage.Messaging;
using MedMassage.Referral.Api.Apis;
using MedMassage.Referral.Api.Infrastructure;
using MedMassage.Referral.Api.Infrastructure.Expiry;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres<ReferralDbContext>("referraldb", typeof(ReferralDbContext).Assembly, MessagingExtensions.MigrationsAssembly);
        builder.AddRedis();
        builder.AddMessaging<ReferralDbContext>(bus => bus.AddConsumers(typeof(ReferralDbContext).Assembly));

        builder.Services.Configure<ReferralOptions>(builder.Configuration.GetSection("Referrals"));
        builder.Services.AddScoped<ReferralServices>();
        builder.Services.AddScoped<ReferralSubmissions>();
        builder.Services.AddHostedService<ReferralExpiryCheck>();
    }
}
