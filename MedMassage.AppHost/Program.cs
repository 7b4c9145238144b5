using MedMassage.AppHost.Hosting;

var builder = DistributedApplicationBuilder.CreateBuilder(args);

var eventbus = builder.AddRabbitMQ("eventbus");
var redis = builder.AddRedis("redis");
var postgres = builder.AddPostgres("postgres");
var smtp = builder.AddSmtp("smtp");

// Tokens are issued under the gateway's public address; services fetch the signing keys from identity-api itself.
string Issuer() => $"http://127.0.0.1:{builder.Options.GatewayPort}/";

var identity = builder.AddProject("identity-api", "services/identity")
    .WithReference(builder.AddDatabase(postgres, "identitydb")).WaitFor(postgres)
    .WithEnvironment("Identity__KeysDirectory", () => Path.Combine(builder.Options.StateDirectory, "identity-keys"))
    .WithEnvironment("Identity__Issuer", Issuer);

ProjectResource Service(string name, string directory, string database) =>
    builder.AddProject(name, directory)
        .WithReference(eventbus).WaitFor(eventbus)
        .WithReference(redis).WaitFor(redis)
        .WithReference(builder.AddDatabase(postgres, database)).WaitFor(postgres)
        .WithReference(identity).WithEnvironment("Identity__Issuer", Issuer);

var referral = Service("referral-api", "services/referral", "referraldb");
var scheduling = Service("scheduling-api", "services/scheduling", "schedulingdb");
var clinicalNotes = Service("clinical-notes-api", "services/clinical-notes", "clinicalnotesdb");
var notification = Service("notification-api", "services/notification", "notificationdb")
    .WithReference(smtp).WaitFor(smtp);

builder.AddProject("gateway", "gateway")
    .WithHttpEndpoint(port: builder.Options.GatewayPort)
    .WithEnvironment("Identity__Issuer", Issuer)
    .WithReference(redis).WaitFor(redis)
    .WithReference(identity).WaitFor(identity)
    .WithReference(referral).WaitFor(referral)
    .WithReference(scheduling).WaitFor(scheduling)
    .WithReference(clinicalNotes).WaitFor(clinicalNotes)
    .WithReference(notification).WaitFor(notification);

return await builder.Build().RunAsync();
