using Microsoft.EntityFrameworkCore;

namespace MedMassage.Messaging;

/// <summary>
/// A service's own database that also carries its outbox and processed-message tables: the model is those tables
/// and every <see cref="IEntityTypeConfiguration{TEntity}"/> in the service's assembly.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
    }
}
