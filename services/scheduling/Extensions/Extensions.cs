using MassTransit;
using MedMassage.Messaging;
using MedMassage.Scheduling.Api.Infrastructure;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres<SchedulingDbContext>("schedulingdb", typeof(SchedulingDbContext).Assembly, MessagingExtensions.MigrationsAssembly);
        builder.AddRedis();
        builder.AddMessaging<SchedulingDbContext>(bus => bus.AddConsumers(typeof(SchedulingDbContext).Assembly));
    }
}
