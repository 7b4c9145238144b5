using MedMassage.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Infrastructure;

public sealed class ClinicalNotesDbContext(DbContextOptions<ClinicalNotesDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClinicalNotesDbContext).Assembly);
    }
}
