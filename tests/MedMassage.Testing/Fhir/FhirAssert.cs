using System.Net;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using MedMassage.Fhir;
using Xunit;

namespace MedMassage.Testing.Fhir;

/// <summary>
/// What every FHIR answer must be: the expected status, <c>application/fhir+json</c>, and valid against the base R4
/// specification as Firely's validator judges it (with the specification's own data, not our reading of it).
/// </summary>
public static class FhirAssert
{
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source.AsAsync()));
    });

    private static readonly Lock Gate = new();

    /// <summary>Errors only: warnings (an unknown code system of ours, say) are not failures of the base specification.</summary>
    public static void Valid(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Validator.Value.Validate(resource);
        }
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}").ToList();
        Assert.True(errors.Count == 0, $"{resource.TypeName} is not valid R4:\n{string.Join("\n", errors)}\n{FhirJson.Serialize(resource)}");
    }

    public static async Task<T> ResourceAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(FhirJson.ContentType, response.Content.Headers.ContentType?.MediaType);
        var resource = FhirJson.Deserialize<Resource>(body);
        var typed = Assert.IsType<T>(resource);
        Valid(typed);
        return typed;
    }

    /// <summary>A refusal: an OperationOutcome with one error at least, and the status it should have.</summary>
    public static async Task<OperationOutcome> OutcomeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var outcome = await ResourceAsync<OperationOutcome>(response, expected);
        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
        return outcome;
    }

    public static HttpContent Content(Resource resource) =>
        new StringContent(FhirJson.Serialize(resource), System.Text.Encoding.UTF8, FhirJson.ContentType);
}
