using MedMassage.Messaging;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.Referral.Api.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Infrastructure;

public sealed class ReferralDbContext(DbContextOptions<ReferralDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Domain.Referral> Referrals => Set<Domain.Referral>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ReferralAuditEntry> Audit => Set<ReferralAuditEntry>();
    public DbSet<KnownLocation> Locations => Set<KnownLocation>();
    public DbSet<RegisteredPatient> RegisteredPatients => Set<RegisteredPatient>();
}
