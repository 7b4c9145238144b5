using MedMassage.Messaging;
using MedMassage.Scheduling.Api.IntegrationEvents;
using MedMassage.Scheduling.Api.Application;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Application.Holds;
using MedMassage.Scheduling.Api.Application.Referrals;
using MedMassage.Scheduling.Api.Application.Series;
using MedMassage.Scheduling.Api.Application.Slots;
using MedMassage.Scheduling.Api.Application.Waitlist;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddFhir();
        builder.AddServiceDatabase<SchedulingDbContext>("schedulingdb", bus => bus.AddEventSubscriptions());
        builder.AddRedis();

        // Slot searches: in memory per replica, shared through Redis; correctness comes from generation-keyed entries.
        builder.Services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = builder.Configuration.GetConnectionString("redis");
            o.InstanceName = "scheduling:";
        });
        builder.Services.AddHybridCache();

        builder.Services.AddScoped<SchedulingAccess>();
        builder.Services.AddSingleton<SlotHolds>();
        builder.Services.AddScoped<HoldPlacement>();
        builder.Services.AddScoped<ScheduleChanges>();
        builder.Services.AddSingleton<PendingScheduleChanges>();
        builder.Services.AddHostedService<PendingScheduleChangeFlusher>();
        builder.Services.AddSingleton(typeof(Newest<,>));
        builder.Services.AddScoped<ScheduleSnapshots>();
        builder.Services.AddScoped<SlotSearch>();
        builder.Services.AddScoped<AppointmentBooking>();
        builder.Services.AddScoped<BookingBatch>();
        builder.Services.AddSingleton<BookingBatchMetrics>();
        builder.Services.AddSingleton<BookingQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BookingQueue>());
        builder.Services.AddScoped<AppointmentLifecycle>();
        builder.Services.AddScoped<ReferralClosure>();
        builder.Services.AddScoped<SeriesBooking>();
        builder.Services.AddScoped<WaitlistOffers>();
        builder.Services.AddScoped<IFreedTimeListener>(sp => sp.GetRequiredService<WaitlistOffers>());
        builder.Services.AddHostedService<WaitlistOfferExpiry>();
    }
}
