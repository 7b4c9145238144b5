// The FHIR model is nullable throughout; a missing element here fails the test with a NullReferenceException anyway.
#nullable disable warnings
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using MedMassage.Testing.Fhir;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace MedMassage.Referral.Api.Tests.Fhir;

/// <summary>A hospital system refers patients as FHIR ServiceRequests; the same rules as the REST submission apply.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ServiceRequestFhirTests(InfrastructureFixture infrastructure)
{
    private static readonly TestCaller Hospital = TestCaller.Integration("st-mary-ehr", FhirReferrals.Scopes);

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, Resource resource, string? ifNoneExist = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/fhir/{resource.TypeName}") { Content = FhirAssert.Content(resource) };
        if (ifNoneExist is not null)
        {
            message.Headers.Add("If-None-Exist", ifNoneExist);
        }
        return client.SendAsync(message);
    }

    [Fact]
    public async Task A_ServiceRequest_becomes_a_referral_and_reads_back_with_everything_it_said()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: Hospital);

        var response = await CreateAsync(app.Client, FhirReferrals.Request("ORD-1"));
        var created = await FhirAssert.ResourceAsync<ServiceRequest>(response, HttpStatusCode.Created);
        Assert.EndsWith($"/fhir/ServiceRequest/{created.Id}/_history/{created.Meta.VersionId}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal($"W/\"{created.Meta.VersionId}\"", response.Headers.ETag!.ToString());

        var read = await FhirAssert.ResourceAsync<ServiceRequest>(await app.Client.GetAsync($"/fhir/ServiceRequest/{created.Id}"));
        Assert.Equal(RequestStatus.Active, read.Status);
        Assert.Contains(read.Identifier, i => i.System == FhirReferrals.OrderSystem && i.Value == "ORD-1");
        Assert.Equal(["M54.50", "M62.830"], read.ReasonCode.Select(c => c.Coding[0].Code));
        Assert.Equal(["myofascial-release", "trigger-point"], read.OrderDetail.Select(c => c.Coding[0].Code));
        var repeat = ((Timing)read.Occurrence).Repeat;
        Assert.Equal((2, 12), (repeat.Frequency, repeat.Count));
        Assert.Equal(12m, ((Quantity)read.Quantity).Value);
        Assert.Equal(TestReferrals.Npi, read.Contained.OfType<Practitioner>().Single().Identifier[0].Value);
        Assert.Equal(("Acme Health", "ACM-123"), (read.Contained.OfType<Coverage>().Single().Payor[0].Display, read.Contained.OfType<Coverage>().Single().SubscriberId));
        Assert.Equal("Evaluate and treat.", read.Note.Single().Text);

        // The same referral the REST API shows, and its patient as a FHIR Patient.
        var details = (await app.Client.GetFromJsonAsync<ReferralDetails>($"/api/referrals/{created.Id}"))!;
        Assert.Equal((2, 6, 12, "received"), (details.SessionsPerWeek, details.Weeks, details.Visits.Authorized, details.Status));
        Assert.Equal(("Maria", "email", "es-US"), (details.Patient.FirstName, details.Patient.PreferredChannel, details.Patient.Language));
        var patient = await FhirAssert.ResourceAsync<Patient>(await app.Client.GetAsync(read.Subject.Reference.Replace("Patient", "/fhir/Patient", StringComparison.Ordinal)));
        Assert.Equal("Lopez", patient.Name[0].Family);
    }

    [Fact]
    public async Task Sending_the_same_order_twice_makes_one_referral()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: Hospital);
        var request = FhirReferrals.Request("ORD-2");

        var first = await FhirAssert.ResourceAsync<ServiceRequest>(await CreateAsync(app.Client, request), HttpStatusCode.Created);
        var conditional = await FhirAssert.ResourceAsync<ServiceRequest>(
            await CreateAsync(app.Client, request, $"identifier={FhirReferrals.OrderSystem}|ORD-2"), HttpStatusCode.OK);
        var resent = await FhirAssert.ResourceAsync<ServiceRequest>(await CreateAsync(app.Client, request), HttpStatusCode.Created);

        Assert.Equal(first.Id, conditional.Id);
        Assert.Equal(first.Id, resent.Id);
        Assert.Equal(1, await app.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task A_patient_registered_first_is_referred_by_reference_and_registering_again_finds_it()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: Hospital);

        var patient = await FhirAssert.ResourceAsync<Patient>(await CreateAsync(app.Client, FhirReferrals.Patient("MRN-77")), HttpStatusCode.Created);
        var again = await FhirAssert.ResourceAsync<Patient>(
            await CreateAsync(app.Client, FhirReferrals.Patient("MRN-77"), $"identifier={FhirReferrals.MrnSystem}|MRN-77"), HttpStatusCode.OK);
        var request = await FhirAssert.ResourceAsync<ServiceRequest>(
            await CreateAsync(app.Client, FhirReferrals.Request("ORD-3", $"Patient/{patient.Id}")), HttpStatusCode.Created);

        Assert.Equal(patient.Id, again.Id);
        Assert.Equal($"Patient/{patient.Id}", request.Subject.Reference);
        var found = await FhirAssert.ResourceAsync<Bundle>(await app.Client.GetAsync($"/fhir/Patient?identifier={FhirReferrals.MrnSystem}|MRN-77"));
        Assert.Equal(patient.Id, Assert.Single(found.Entry).Resource.Id);
        var referred = await FhirAssert.ResourceAsync<Bundle>(await app.Client.GetAsync($"/fhir/ServiceRequest?patient=Patient/{patient.Id}"));
        Assert.Equal(request.Id, Assert.Single(referred.Entry).Resource.Id);
    }

    [Fact]
    public async Task Searches_are_paged_bundles_of_the_systems_own_referrals()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: Hospital);
        foreach (var order in new[] { "ORD-10", "ORD-11", "ORD-12" })
        {
            await FhirAssert.ResourceAsync<ServiceRequest>(await CreateAsync(app.Client, FhirReferrals.Request(order)), HttpStatusCode.Created);
        }
        using var otherSystem = app.CreateClientAs(TestCaller.Integration("other-ehr", FhirReferrals.Scopes));
        await FhirAssert.ResourceAsync<ServiceRequest>(await CreateAsync(otherSystem, FhirReferrals.Request("ORD-10")), HttpStatusCode.Created);

        var firstPage = await FhirAssert.ResourceAsync<Bundle>(await app.Client.GetAsync("/fhir/ServiceRequest?status=active&_count=2"));
        Assert.Equal((Bundle.BundleType.Searchset, 3, 2), (firstPage.Type!.Value, firstPage.Total!.Value, firstPage.Entry.Count));
        var next = new Uri(firstPage.NextLink!.ToString()).PathAndQuery;
        var secondPage = await FhirAssert.ResourceAsync<Bundle>(await app.Client.GetAsync(next));
        Assert.Single(secondPage.Entry);
        Assert.Null(secondPage.NextLink);
        Assert.Equal(3, firstPage.Entry.Concat(secondPage.Entry).Select(e => e.Resource.Id).Distinct().Count());

        var byIdentifier = await FhirAssert.ResourceAsync<Bundle>(await app.Client.GetAsync($"/fhir/ServiceRequest?identifier={FhirReferrals.OrderSystem}|ORD-11"));
        Assert.Equal(1, byIdentifier.Total);
        var today = TestReferrals.Today().ToString("yyyy-MM-dd");
        Assert.Equal(3, (await FhirAssert.ResourceAsync<Bundle>(await app.Client.GetAsync($"/fhir/ServiceRequest?authored={today}&requester={TestReferrals.Npi}"))).Total);
        Assert.Equal(0, (await FhirAssert.ResourceAsync<Bundle>(await app.Client.GetAsync("/fhir/ServiceRequest?status=revoked"))).Total);
        await FhirAssert.OutcomeAsync(await app.Client.GetAsync("/fhir/ServiceRequest?colour=blue"), HttpStatusCode.BadRequest);
        await FhirAssert.OutcomeAsync(await app.Client.GetAsync("/fhir/ServiceRequest?authored=yesterday"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_submitting_system_revokes_or_holds_its_referral_by_update_with_If_Match()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: Hospital);
        var created = await FhirAssert.ResourceAsync<ServiceRequest>(await CreateAsync(app.Client, FhirReferrals.Request("ORD-20")), HttpStatusCode.Created);

        created.Status = RequestStatus.OnHold;
        created.Note = [new Annotation { Text = "Patient admitted to hospital." }];
        var held = await FhirAssert.ResourceAsync<ServiceRequest>(await UpdateAsync(app.Client, created, created.Meta.VersionId));
        Assert.Equal(RequestStatus.OnHold, held.Status);

        held.Status = RequestStatus.Revoked;
        await FhirAssert.OutcomeAsync(await UpdateAsync(app.Client, held, created.Meta.VersionId), HttpStatusCode.PreconditionFailed);
        var revoked = await FhirAssert.ResourceAsync<ServiceRequest>(await UpdateAsync(app.Client, held, held.Meta.VersionId));
        Assert.Equal(RequestStatus.Revoked, revoked.Status);
        Assert.Equal("cancelled", (await app.GetAsync(Guid.Parse(created.Id))).Status);

        revoked.Status = RequestStatus.Active;
        await FhirAssert.OutcomeAsync(await UpdateAsync(app.Client, revoked, null), HttpStatusCode.UnprocessableEntity);
        using var otherSystem = app.CreateClientAs(TestCaller.Integration("other-ehr", FhirReferrals.Scopes));
        await FhirAssert.OutcomeAsync(await UpdateAsync(otherSystem, held, null), HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> UpdateAsync(HttpClient client, ServiceRequest request, string? version)
    {
        var message = new HttpRequestMessage(HttpMethod.Put, $"/fhir/ServiceRequest/{request.Id}") { Content = FhirAssert.Content(request) };
        if (version is not null)
        {
            message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\"", isWeak: true));
        }
        return client.SendAsync(message);
    }
}
