using MedMassage.Messaging;
using MedMassage.Notification.Api.IntegrationEvents;
using MedMassage.Notification.Api.Application;
using MedMassage.Notification.Api.Application.Access;
using MedMassage.Notification.Api.Application.Composition;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.Notification.Api.Infrastructure.Delivery;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.PhysicianLinks;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>("notificationdb", bus => bus.AddEventSubscriptions());
        builder.AddRedis();
        builder.AddDefaultAuthentication();
        builder.AddFhir();
        builder.AddPhysicianLinks();

        var services = builder.Services;
        services.AddAuthorizationBuilder().AddSmsSinkSenderPolicy();
        services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        if (!builder.Environment.IsDevelopment())
        {
            // The SMS sink keeps patients' phone numbers and texts in memory: never outside Development, whatever the configuration says.
            services.PostConfigure<NotificationOptions>(o => o.SmsSinkEnabled = false);
        }
        services.AddScoped<NotificationAccess>();
        services.AddScoped<ContactAudit>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<DispatchSignalInterceptor>();
        services.ConfigureDbContext<NotificationDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<DispatchSignalInterceptor>()));

        services.AddScoped<MessageComposer>();
        services.AddScoped<LocationDirectory>();
        services.AddScoped<AppointmentMessages>();
        services.AddScoped<ReferralMessages>();

        // Delivery: the scheduler and one sender per channel.
        var smtp = builder.Configuration.GetConnectionString("smtp")
            ?? throw new InvalidOperationException("ConnectionStrings:smtp is not configured.");
        services.AddSingleton(SmtpEndpoint.Parse(smtp));
        services.AddScoped<IChannelSender, EmailSender>();
        services.AddScoped<IChannelSender, InboxSender>();
        services.AddHttpClient<SmsSender>(SmsSender.ClientName);
        services.AddScoped<IChannelSender>(sp => sp.GetRequiredService<SmsSender>());
        services.AddSingleton<SmsEndpointResolver>();
        services.AddSingleton<SmsSink>();
        services.AddSingleton<DeliveryMarkers>();
        services.AddScoped<DueMessages>();
        services.AddHostedService<Dispatcher>();
    }
}
