using MedMassage.Messaging;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Infrastructure;

public sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Therapist> Therapists => Set<Therapist>();
    public DbSet<AppointmentType> AppointmentTypes => Set<AppointmentType>();
    public DbSet<BookingReferral> Referrals => Set<BookingReferral>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<Domain.Waitlist.WaitlistEntry> Waitlist => Set<Domain.Waitlist.WaitlistEntry>();
}
