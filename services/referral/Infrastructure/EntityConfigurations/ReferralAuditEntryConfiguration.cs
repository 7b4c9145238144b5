using MedMassage.Referral.Api.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.Referral.Api.Infrastructure.EntityConfigurations;

internal sealed class ReferralAuditEntryConfiguration : IEntityTypeConfiguration<ReferralAuditEntry>
{
    public void Configure(EntityTypeBuilder<ReferralAuditEntry> builder)
    {
        builder.ToTable("referral_audit");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
    }
}
