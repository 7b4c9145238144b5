using System.Reflection;
using MassTransit;
using MedMassage.Messaging.Monitoring;
using MedMassage.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedMassage.Messaging;

public static class MessagingExtensions
{
    /// <summary>The assembly whose embedded SQL creates the outbox and processed-message tables.</summary>
    public static Assembly MigrationsAssembly => typeof(MessagingExtensions).Assembly;

    /// <summary>
    /// Connects the service to the event bus (<c>ConnectionStrings:eventbus</c>, an amqp:// URI), registers the
    /// outbox for <typeparamref name="TContext"/> and its relay, and the consumers from <paramref name="consumers"/>.
    /// Queues are named after the service so every service gets its own copy of each event.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? consumers = null,
        string connectionName = "eventbus") where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.AddQueueDepths(new Uri(connectionString));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddScoped<IIntegrationEventOutbox, IntegrationEventOutbox<TContext>>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.ConfigureDbContext<TContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));

        // Start taking traffic only once the bus is connected and its queues are bound, so nothing published
        // right after start-up is missed; the AppHost starts services after the broker is ready anyway.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServicePrefix(serviceName), false));
            consumers?.Invoke(x);
            // A managed, clustered RabbitMQ keeps a quorum queue's messages on several nodes, so a node failure loses
            // none of them; the single local broker has no one to replicate to and keeps classic queues.
            if (builder.Configuration.GetValue("Messaging:QuorumQueues", false))
            {
                x.AddConfigureEndpointsCallback((_, _, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.SetQuorumQueue();
                    }
                });
            }
            x.UsingRabbitMq((context, bus) =>
            {
                bus.Host(new Uri(connectionString));
                // Transient faults (a deadlock, a broker blip) are retried; what still fails lands in the
                // consumer's _error queue in RabbitMQ, where ops can inspect and move it back.
                bus.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400)));
                bus.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    // "referral-api" -> "referral"
    private static string ServicePrefix(string serviceName) =>
        serviceName.EndsWith("-api", StringComparison.Ordinal) ? serviceName[..^4] : serviceName;
}
