using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.Referral.Api.Infrastructure.EntityConfigurations;

internal sealed class ReferralAuditEntryConfiguration : IEntityTypeConfiguration<ReferralAuditEntry>
{
    public void Configure(EntityTypeBuilder<ReferralAuditEntry> builder)
    {
        builder.IsAccessAudit("referral_audit");
    }
}
