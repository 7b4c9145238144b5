using MedMassage.Referral.Api.Domain;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.Referral.Api.Infrastructure.EntityConfigurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Domain.Referral>
{
    public void Configure(EntityTypeBuilder<Domain.Referral> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        builder.Property(r => r.Status).HasConversion<string>();
        builder.Property(r => r.HeldFrom).HasConversion<string>();

        builder.Property(r => r.Patient).IsJson();
        builder.Property(r => r.Physician).IsJson();
        builder.Property(r => r.Insurance).IsJson();
        builder.Property(r => r.Precautions).IsJson();
        builder.Property(r => r.Clearances).IsJson();
        builder.Property(r => r.VisitRecords).IsJson();
        builder.Property(r => r.RequestedClearances).IsJson();
        builder.Property(r => r.AuthorizationAlerts).IsJson();

        builder.HasMany(r => r.History).WithOne().HasForeignKey(h => h.ReferralId);
        builder.Navigation(r => r.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(r => r.Visits);
        builder.Ignore(r => r.TechniquesAwaitingClearance);
        builder.Ignore(r => r.AwaitingClearance);
    }
}

internal sealed class KnownLocationConfiguration : IEntityTypeConfiguration<KnownLocation>
{
    public void Configure(EntityTypeBuilder<KnownLocation> builder)
    {
        builder.ToTable("known_locations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
    }
}

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("referral_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).UseIdentityAlwaysColumn();
    }
}

internal sealed class RegisteredPatientConfiguration : IEntityTypeConfiguration<RegisteredPatient>
{
    public void Configure(EntityTypeBuilder<RegisteredPatient> builder)
    {
        builder.ToTable("registered_patients");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Patient).IsJson();
    }
}
