using Microsoft.Extensions.Hosting;

namespace MedMassage.Messaging;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database (<c>ConnectionStrings:{database}</c>), migrated from the SQL embedded in
    /// the service's assembly and the messaging tables', and the event bus with the consumers of the service's
    /// assembly, publishing through the outbox in that database.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string database)
        where TContext : ServiceDbContext
    {
        var service = typeof(TContext).Assembly;
        builder.AddPostgres<TContext>(database, service, MessagingExtensions.MigrationsAssembly);
        return builder.AddMessaging<TContext>(bus => bus.AddEventConsumers(service));
    }
}
