using MedMassage.Messaging.Inbox;
using MedMassage.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>Maps the outbox and processed-message tables created by the messaging migration.</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            e.Property(m => m.Payload).HasColumnType("jsonb");
        });
        modelBuilder.Entity<ProcessedMessage>(e =>
        {
            e.ToTable("processed_messages");
            e.HasKey(m => new { m.Consumer, m.MessageId });
        });
        return modelBuilder;
    }
}
