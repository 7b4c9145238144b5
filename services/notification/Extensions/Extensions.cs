using MassTransit;
using MedMassage.Messaging;
using MedMassage.Notification.Api.Infrastructure;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres<NotificationDbContext>("notificationdb", typeof(NotificationDbContext).Assembly, MessagingExtensions.MigrationsAssembly);
        builder.AddRedis();
        builder.AddMessaging<NotificationDbContext>(bus => bus.AddConsumers(typeof(NotificationDbContext).Assembly));
    }
}
