using MassTransit;
using MedMassage.Messaging;
using MedMassage.Referral.Api.Infrastructure;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres<ReferralDbContext>("referraldb", typeof(ReferralDbContext).Assembly, MessagingExtensions.MigrationsAssembly);
        builder.AddRedis();
        builder.AddMessaging<ReferralDbContext>(bus => bus.AddConsumers(typeof(ReferralDbContext).Assembly));
    }
}
