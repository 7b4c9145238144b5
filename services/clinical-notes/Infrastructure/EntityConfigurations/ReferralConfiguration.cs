using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.ClinicalNotes.Api.Infrastructure.EntityConfigurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<CareReferral>
{
    public void Configure(EntityTypeBuilder<CareReferral> e)
    {
        e.ToTable("care_referrals");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Ignore(r => r.IsOpenForCare);
        e.Ignore(r => r.PendingClearances);
        // Signing visits counts on the referral row; concurrent signatures must not lose a count.
        e.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<ClinicAppointment>
{
    public void Configure(EntityTypeBuilder<ClinicAppointment> e)
    {
        e.ToTable("clinic_appointments");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.Kind).HasConversion<string>();
        e.Property(a => a.Status).HasConversion<string>();
        e.Ignore(a => a.CanBeDocumented);
    }
}
