using MedMassage.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Infrastructure;

public sealed class ReferralDbContext(DbContextOptions<ReferralDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReferralDbContext).Assembly);
    }
}
