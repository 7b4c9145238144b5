using MedMassage.Referral.Api.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.Referral.Api.Infrastructure.EntityConfigurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Owner, r.Key });
        builder.Property(r => r.Response).HasColumnType("jsonb");
        // Declared so the referral row is inserted before the key that points at it.
        builder.HasOne<Domain.Referral>().WithMany().HasForeignKey(r => r.ReferralId);
    }
}
