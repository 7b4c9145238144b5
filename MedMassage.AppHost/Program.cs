using MedMassage.Hosting;

namespace MedMassage.AppHost;

// A named class rather than top-level statements: test projects reference both this AppHost and a service, and
// two global "Program" types would collide there.
public static class Program
{
    public static async Task Main(string[] args)
    {
        var options = SuiteOptions.Parse(args);
        var builder = DistributedApplication.CreateBuilder(options.AspireArgs);
        var stateDirectory = options.Apply(builder);
        builder.RestartCrashedProjects();

        var eventbus = builder.ExistingOr("eventbus", b => b.AddLocalRabbitMQ("eventbus"));
        var redis = builder.ExistingOr("redis", b => b.AddLocalRedis("redis"));
        var postgres = builder.ExistingOr("postgres", b => b.AddLocalPostgres("postgres"));
        var smtp = builder.ExistingOr("smtp", b => b.AddLocalSmtp("smtp"));

        // --servers-only: just the servers, for running a service from an IDE, and for the tests that start services themselves.
        if (!options.ServersOnly)
        {
            var identity = builder.AddReplicated("identity-api", name => builder.AddSuiteProject<Projects.MedMassage_Identity_Api>(name)
                .WithDatabase(postgres, "identitydb")
                .WithEnvironment("Identity__KeysDirectory", Path.Combine(stateDirectory, "identity-keys")));

            var referral = builder.AddService<Projects.MedMassage_Referral_Api>("referral-api", "referraldb", eventbus, redis, postgres, identity);
            var scheduling = builder.AddService<Projects.MedMassage_Scheduling_Api>("scheduling-api", "schedulingdb", eventbus, redis, postgres, identity);
            var clinicalNotes = builder.AddService<Projects.MedMassage_ClinicalNotes_Api>("clinical-notes-api", "clinicalnotesdb", eventbus, redis, postgres, identity);
            var notification = builder.AddService<Projects.MedMassage_Notification_Api>("notification-api", "notificationdb", eventbus, redis, postgres, identity)
                .Each(replica => replica.WithReference(smtp).WaitFor(smtp));

            // The staff web app calls everything through the gateway with the person's token; it reaches no database.
            var staffApp = builder.AddSuiteProject<Projects.MedMassage_StaffApp>("staff-app")
                .WithReference(redis).WaitFor(redis)
                .WithReference(identity).WaitFor(identity);

            builder.AddSuiteProject<Projects.MedMassage_Gateway>("gateway", options.GatewayPort)
                .WithReference(redis).WaitFor(redis)
                .WithReference(identity).WaitFor(identity)
                .WithReference(referral).WaitFor(referral)
                .WithReference(scheduling).WaitFor(scheduling)
                .WithReference(clinicalNotes).WaitFor(clinicalNotes)
                .WithReference(notification).WaitFor(notification)
                .WithReference(staffApp).WaitFor(staffApp);
        }

        await builder.Build().RunSuiteAsync(stateDirectory, options.KeepState);
    }
}
