using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.Scheduling.Api.Infrastructure.EntityConfigurations;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> e)
    {
        e.ToTable("locations");
        e.Property(l => l.OpeningHours).IsJson();
        e.Property(l => l.Rooms).IsJson();
    }
}

internal sealed class TherapistConfiguration : IEntityTypeConfiguration<Therapist>
{
    public void Configure(EntityTypeBuilder<Therapist> e)
    {
        e.ToTable("therapists");
        e.Property(t => t.Availability).IsJson();
        e.Property(t => t.TimeOff).IsJson();
    }
}

internal sealed class AppointmentTypeConfiguration : IEntityTypeConfiguration<AppointmentType>
{
    public void Configure(EntityTypeBuilder<AppointmentType> e)
    {
        e.ToTable("appointment_types");
        e.HasKey(t => t.Code);
        e.Property(t => t.Kind).HasConversion<string>();
    }
}

internal sealed class BookingReferralConfiguration : IEntityTypeConfiguration<BookingReferral>
{
    public void Configure(EntityTypeBuilder<BookingReferral> e)
    {
        e.ToTable("referrals");
        e.Property(r => r.Patient).IsJson();
        e.Property(r => r.AwaitingClearance).IsJson();
        e.Ignore(r => r.TechniquesAwaitingClearance);
        e.Ignore(r => r.AllowsCare);
        e.Ignore(r => r.IsOpen);
        // Events about one referral arrive on different queues at once; a lost update becomes a conflict and a retry.
        e.Property<uint>("xmin").HasColumnName("xmin").IsRowVersion();
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> e)
    {
        e.ToTable("appointments");
        e.Property(a => a.Kind).HasConversion<string>();
        e.Property(a => a.Status).HasConversion<string>();
        e.Property<uint>("xmin").HasColumnName("xmin").IsRowVersion();
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<Domain.Waitlist.WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<Domain.Waitlist.WaitlistEntry> e)
    {
        e.ToTable("waitlist_entries");
        e.Property(w => w.Status).HasConversion<string>();
        e.Property(w => w.PassedSlots).IsJson();
    }
}
