using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MedMassage.Hosting;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>What the AppHost declares, read from its model without starting anything.</summary>
public sealed class AppHostModelTests
{
    [Fact]
    public async Task The_suite_runs_its_own_servers_and_every_service_waits_for_what_it_needs()
    {
        var builder = await AspireTesting.CreateAppHostAsync();
        try
        {
            var resources = builder.Resources.ToDictionary(r => r.Name);

            Assert.IsType<LocalRabbitMQResource>(resources["eventbus"]);
            Assert.IsType<LocalRedisResource>(resources["redis"]);
            Assert.IsType<LocalPostgresResource>(resources["postgres"]);
            Assert.IsType<LocalSmtpResource>(resources["smtp"]);
            foreach (var database in new[] { "identitydb", "referraldb", "schedulingdb", "clinicalnotesdb", "notificationdb" })
            {
                Assert.Same(resources["postgres"], Assert.IsType<PostgresDatabaseResource>(resources[database]).Parent);
            }
            var gatewayWaitsFor = WaitsFor(resources["gateway"]);
            Assert.Subset(gatewayWaitsFor, new HashSet<string>(RunningSuite.Services));
            Assert.Subset(WaitsFor(resources["notification-api"]), new HashSet<string> { "eventbus", "redis", "notificationdb", "smtp" });
            Assert.Equal(8080, resources["gateway"].Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port);
        }
        finally
        {
            AspireTesting.DeleteQuietly(builder.StateDirectory());
        }
    }

    [Fact]
    public async Task A_server_given_by_connection_string_is_used_instead_of_starting_one()
    {
        var builder = await AspireTesting.CreateAppHostAsync(
            "--ConnectionStrings:eventbus=amqp://ops:secret@rabbit.internal:5672/",
            "--ConnectionStrings:postgres=Host=db.internal;Username=medmassage;Password=secret",
            "--ConnectionStrings:schedulingdb=Host=scheduling.internal;Database=booking;Username=s;Password=t");
        try
        {
            Assert.Empty(builder.Resources.OfType<LocalRabbitMQResource>());
            Assert.Empty(builder.Resources.OfType<LocalPostgresResource>());
            Assert.Single(builder.Resources.OfType<LocalRedisResource>()); // not given, so started here

            var referraldb = await ConnectionStringAsync(builder.Resources.Single(r => r.Name == "referraldb"));
            // The service's own login on the given server: the app role the AppHost sets up there (DatabaseRoles).
            Assert.StartsWith("Host=db.internal;Username=medmassage;Password=secret;Database=referraldb;Username=referraldb_app;Password=", referraldb);
            var schedulingdb = await ConnectionStringAsync(builder.Resources.Single(r => r.Name == "schedulingdb"));
            Assert.Equal("Host=scheduling.internal;Database=booking;Username=s;Password=t", schedulingdb);
            Assert.Equal("amqp://ops:secret@rabbit.internal:5672/", await ConnectionStringAsync(builder.Resources.Single(r => r.Name == "eventbus")));
        }
        finally
        {
            AspireTesting.DeleteQuietly(builder.StateDirectory());
        }
    }

    [Fact]
    public async Task With_two_replicas_each_service_runs_twice_under_one_name_and_the_gateway_knows_both()
    {
        var builder = await AspireTesting.CreateAppHostAsync("--replicas", "2");
        try
        {
            var resources = builder.Resources.ToDictionary(r => r.Name);
#pragma warning disable CS0618 // the model's environment as publishing sees it: nothing runs, so nothing else can evaluate it
            var gateway = await ((ProjectResource)resources["gateway"]).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
            foreach (var service in new[] { "identity-api", "referral-api", "scheduling-api", "clinical-notes-api", "notification-api" })
            {
                var replica = Assert.IsType<ProjectResource>(resources[$"{service}-2"]);
                var environment = await replica.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618
                // One name for telemetry and for the queues: the replicas compete for messages rather than each getting a copy.
                Assert.Equal(service, environment["OTEL_SERVICE_NAME"]);
                Assert.Contains($"{service}-2", gateway[$"services__{service}__http__1"], StringComparison.Ordinal);
                Assert.Contains($"{service}-2", WaitsFor(resources["gateway"]));
                Assert.False(resources.ContainsKey($"{service}-3"));
            }
            // The replicas share their service's database; the gateway and the staff app stay single on one machine.
            Assert.Single(builder.Resources.OfType<PostgresDatabaseResource>(), d => d.Name == "schedulingdb");
            Assert.DoesNotContain("gateway-2", resources.Keys);
            Assert.DoesNotContain("staff-app-2", resources.Keys);
        }
        finally
        {
            AspireTesting.DeleteQuietly(builder.StateDirectory());
        }
    }

    private static HashSet<string> WaitsFor(IResource resource) =>
        [.. resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name)];

    private static async Task<string?> ConnectionStringAsync(IResource resource) =>
        await ((IResourceWithConnectionString)resource).ConnectionStringExpression.GetValueAsync(CancellationToken.None);
}
