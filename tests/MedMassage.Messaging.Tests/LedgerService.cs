using MassTransit;
using MedMassage.Contracts;
using MedMassage.Messaging.Outbox;
using MedMassage.Messaging.Tests.Ledger;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedMassage.Messaging.Tests;

/// <summary>Hosts the ledger service with the real messaging building blocks on the real servers.</summary>
public sealed class LedgerService : IAsyncDisposable
{
    private readonly IHost _host;

    private LedgerService(IHost host, string serviceName)
    {
        _host = host;
        QueueName = $"{serviceName}-payment-received";
        RefundQueueName = $"{serviceName}-refund-issued";
    }

    /// <summary>The batch consumer's queue.</summary>
    public string RefundQueueName { get; }

    /// <summary>The consumer's queue: the service name as prefix, then the message, kebab-cased.</summary>
    public string QueueName { get; }

    public static async Task<LedgerService> StartAsync(InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }
        var serviceName = $"ledger{Guid.NewGuid():N}"[..14];
        builder.Configuration["OTEL_SERVICE_NAME"] = serviceName;
        builder.Configuration["ConnectionStrings:ledgerdb"] = infrastructure.NewDatabase("ledgerdb");
        builder.Configuration["ConnectionStrings:eventbus"] = infrastructure.EventBusConnectionString;
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPostgres<LedgerDbContext>("ledgerdb", typeof(LedgerDbContext).Assembly, MessagingExtensions.MigrationsAssembly);
        builder.AddMessaging<LedgerDbContext>(bus => bus.AddEventConsumer<PaymentReceivedConsumer>().AddEventConsumer<RefundIssuedConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return new LedgerService(host, serviceName);
    }

    /// <summary>Records a payment and its event in one transaction, as a service's endpoint would.</summary>
    public async Task RecordPaymentAsync(PaymentReceived payment)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        db.Payments.Add(new Payment(payment.PaymentId, payment.Amount));
        scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(payment);
        await db.SaveChangesAsync();
    }

    public T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public Task PublishDirectlyAsync<TEvent>(TEvent message) where TEvent : IntegrationEvent =>
        _host.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = message.EventId);

    public Task<T> QueryAsync<T>(Func<LedgerDbContext, Task<T>> query) => WithDbAsync(query);

    public Task<int> LedgerCountAsync(Guid paymentId) => WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.PaymentId == paymentId));

    public Task<int> PendingOutboxCountAsync() => WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));

    private async Task<T> WithDbAsync<T>(Func<LedgerDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
