// The FHIR model is nullable throughout; a missing element here fails the test with a NullReferenceException anyway.
#nullable disable warnings
using System.Net;
using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Testing;
using MedMassage.Testing.Fhir;
using Task = System.Threading.Tasks.Task;

namespace MedMassage.Gateway.Tests;

/// <summary>The gateway's FHIR front: discovery, routing by resource type, and refusals as OperationOutcome.</summary>
[Collection(GatewayCollection.Name)]
public sealed class FhirRoutingTests(GatewayFixture fixture) : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new(fixture, redisDatabase: 5);

    [Fact]
    public async Task The_CapabilityStatement_is_public_valid_and_lists_exactly_the_catalogue_with_the_token_endpoint()
    {
        var client = _gateway.CreateClient();

        var statement = await FhirAssert.ResourceAsync<CapabilityStatement>(await client.GetAsync("/fhir/metadata"));

        var rest = statement.Rest.Single();
        Assert.Equal(FhirCatalogue.Types.Select(t => t.Name).Order(), rest.Resource.Select(r => r.Type).Order());
        var serviceRequest = rest.Resource.Single(r => r.Type == "ServiceRequest");
        Assert.Equal(["create", "read", "search-type", "update"], serviceRequest.Interaction.Select(i => i.Code.ToString()!.ToLowerInvariant().Replace("searchtype", "search-type", StringComparison.Ordinal)).Order());
        Assert.True(serviceRequest.ConditionalCreate);
        var oauth = rest.Security.Extension.Single().Extension;
        Assert.EndsWith("/connect/token", oauth.Single(e => e.Url == "token").Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_resource_type_reaches_a_service_and_unknown_types_or_missing_tokens_get_an_OperationOutcome()
    {
        var system = _gateway.CreateClientAs(TestCaller.Integration("st-mary-ehr", "system/Appointment.read"));
        var marker = $"/fhir/Appointment/{Guid.NewGuid()}";

        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync(marker)).StatusCode);
        Assert.Single(fixture.Upstream.Received, r => r.Path == marker);

        var unknown = await FhirAssert.OutcomeAsync(await system.GetAsync("/fhir/Medication/1"), HttpStatusCode.NotFound);
        Assert.Contains("metadata", unknown.Issue[0].Diagnostics, StringComparison.Ordinal);
        await FhirAssert.OutcomeAsync(await _gateway.CreateClient().GetAsync("/fhir/Appointment?date=2027-01-04"), HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(fixture.Upstream.Received, r => r.Path.Contains("date=2027-01-04", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();
}
