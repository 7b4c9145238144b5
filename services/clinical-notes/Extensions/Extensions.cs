using MassTransit;
using MedMassage.Messaging;
using MedMassage.ClinicalNotes.Api.Infrastructure;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres<ClinicalNotesDbContext>("clinicalnotesdb", typeof(ClinicalNotesDbContext).Assembly, MessagingExtensions.MigrationsAssembly);
        builder.AddRedis();
        builder.AddMessaging<ClinicalNotesDbContext>(bus => bus.AddConsumers(typeof(ClinicalNotesDbContext).Assembly));
    }
}
