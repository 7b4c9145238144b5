using MedMassage.ClinicalNotes.Api.IntegrationEvents;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Application.Access;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Messaging;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.PhysicianLinks;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ClinicalNotesDbContext>("clinicalnotesdb", bus => bus.AddEventSubscriptions());
        builder.AddRedis();
        builder.AddDefaultAuthentication();
        builder.AddFhir();
        builder.AddPhysicianLinks();
        builder.Services.AddAuthorizationBuilder().AddClinicalPolicies();

        // Enumerations (outcome measures, finding effects, tolerance) travel by name.
        builder.Services.AddScoped<ClinicalNotesAccess>();
        builder.Services.AddScoped<ClinicalAudit>();
        builder.Services.AddScoped<CareRecords>();
        builder.Services.AddSingleton<DocumentLinks>();
        builder.Services.AddScoped<RecertificationSweep>();
        builder.Services.AddHostedService<ClinicalDeadlineMonitor>();
    }
}
