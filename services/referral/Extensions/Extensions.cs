using MedMassage.Messaging;
using MedMassage.Referral.Api.Apis;
using MedMassage.Referral.Api.Application;
using MedMassage.Referral.Api.Application.Access;
using MedMassage.Referral.Api.Infrastructure;
using MedMassage.Referral.Api.Infrastructure.Sweeps;
using MedMassage.Referral.Api.IntegrationEvents;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.PhysicianLinks;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReferralDbContext>("referraldb", bus => bus.AddEventSubscriptions());
        builder.AddRedis();
        builder.AddDefaultAuthentication();
        builder.AddPhysicianLinks();
        builder.AddFhir();

        builder.Services.Configure<ReferralOptions>(builder.Configuration.GetSection("Referrals"));
        builder.Services.AddScoped<ReferralAccess>();
        builder.Services.AddScoped<ReferralAudit>();
        builder.Services.AddScoped<ReferralServices>();
        builder.Services.AddScoped<ReferralSubmissions>();
        builder.Services.AddHostedService<ReferralSweep>();
    }
}
