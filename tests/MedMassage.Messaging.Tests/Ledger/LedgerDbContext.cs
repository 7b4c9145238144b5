using MedMassage.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging.Tests.Ledger;

/// <summary>A minimal service: a payment is recorded (and announced through the outbox); a consumer books it in a ledger.</summary>
public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<Payment>().ToTable("payments");
        modelBuilder.Entity<LedgerEntry>().ToTable("ledger_entries");
    }
}

public sealed record Payment(Guid Id, decimal Amount);

public sealed class LedgerEntry
{
    public long Id { get; private set; }
    public Guid PaymentId { get; init; }
    public decimal Amount { get; init; }
}

public sealed record PaymentReceived(Guid PaymentId, decimal Amount, bool FailOnce = false, bool AlwaysFail = false) : IntegrationEvent;

/// <summary>Consumed in batches: each refund books a negative ledger entry.</summary>
public sealed record RefundIssued(Guid PaymentId, decimal Amount, bool AlwaysFail = false) : IntegrationEvent;
