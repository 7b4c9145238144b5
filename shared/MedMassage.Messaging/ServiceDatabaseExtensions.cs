using MassTransit;
using Microsoft.Extensions.Hosting;

namespace MedMassage.Messaging;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database (<c>ConnectionStrings:{database}</c>), migrated from the SQL embedded in
    /// the service's assembly and the shared scripts, and the event bus with the service's
    /// <paramref name="subscriptions"/>, publishing through the outbox in that database.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(
        this IHostApplicationBuilder builder, string database, Action<IBusRegistrationConfigurator> subscriptions)
        where TContext : ServiceDbContext
    {
        builder.AddPostgres<TContext>(database, typeof(TContext).Assembly, MessagingExtensions.MigrationsAssembly);
        return builder.AddMessaging<TContext>(subscriptions);
    }
}
