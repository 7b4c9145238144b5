using MedMassage.Notification.Api.Domain.Audit;
using MedMassage.Notification.Api.Domain.Directory;
using MedMassage.Notification.Api.Domain.Referrals;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Preferences;
using MedMassage.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.Notification.Api.Infrastructure.EntityConfigurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageType).HasConversion<string>();
        builder.Property(m => m.Category).HasConversion<string>();
        builder.Property(m => m.Channel).HasConversion<string>();
        // A reminder cancelled while the dispatcher sends it must not overwrite "Sent": the update checks the status it read.
        builder.Property(m => m.Status).HasConversion<string>().IsConcurrencyToken();
        builder.Ignore(m => m.IsPending);
        builder.HasMany(m => m.Log).WithOne().HasForeignKey(e => e.MessageId);
        builder.Navigation(m => m.Log).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MessageLogEntryConfiguration : IEntityTypeConfiguration<MessageLogEntry>
{
    public void Configure(EntityTypeBuilder<MessageLogEntry> builder)
    {
        builder.ToTable("message_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Status).HasConversion<string>();
    }
}

internal sealed class PatientPreferencesConfiguration : IEntityTypeConfiguration<PatientPreferences>
{
    public void Configure(EntityTypeBuilder<PatientPreferences> builder)
    {
        builder.ToTable("patient_preferences");
        builder.HasKey(p => p.PatientId);
        builder.Property(p => p.PatientId).ValueGeneratedNever();
        builder.Property(p => p.Channel).HasConversion<string>();
        builder.Ignore(p => p.QuietHours);
    }
}

internal sealed class ReferralContactConfiguration : IEntityTypeConfiguration<ReferralContact>
{
    public void Configure(EntityTypeBuilder<ReferralContact> builder)
    {
        builder.ToTable("referral_contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("referral_id").ValueGeneratedNever();
        builder.Ignore(c => c.Patient);
        builder.Ignore(c => c.Physician);
    }
}

internal sealed class KnownLocationConfiguration : IEntityTypeConfiguration<KnownLocation>
{
    public void Configure(EntityTypeBuilder<KnownLocation> builder)
    {
        builder.ToTable("locations");
        builder.HasKey(l => l.LocationId);
        builder.Property(l => l.LocationId).ValueGeneratedNever();
        builder.Ignore(l => l.Info);
    }
}

internal sealed class ContactAuditEntryConfiguration : IEntityTypeConfiguration<ContactAuditEntry>
{
    public void Configure(EntityTypeBuilder<ContactAuditEntry> builder)
    {
        builder.IsAccessAudit("contact_audit");
    }
}
