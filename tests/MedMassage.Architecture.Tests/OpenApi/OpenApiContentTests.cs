using System.Text.Json.Nodes;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Architecture.Tests.OpenApi;

/// <summary>
/// What the lint cannot know: every operation says what it does and who may call it, every request body shows a real
/// example, and the fields of a fixed vocabulary list its values, from where the code defines them ([OneOf]).
/// </summary>
public sealed class OpenApiContentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Theory]
    [MemberData(nameof(OpenApiDocumentTests.EachService), MemberType = typeof(OpenApiDocumentTests))]
    public async Task Every_operation_has_a_description_and_every_body_an_example(string service)
    {
        var document = await DocumentAsync(service);
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => Methods.Contains(o.Key)).Select(o => (Name: $"{o.Key.ToUpperInvariant()} {p.Key}", Operation: o.Value!)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.Empty(operations.Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["description"])).Select(o => o.Name));
        var bodies = operations.SelectMany(o => (o.Operation["requestBody"]?["content"]?.AsObject() ?? []).Select(c => (o.Name, c.Key, Example: c.Value?["example"])));
        Assert.Empty(bodies.Where(b => b.Example is null).Select(b => $"{b.Name} {b.Key}"));
        Assert.Empty(document["tags"]!.AsArray().Where(t => string.IsNullOrWhiteSpace((string?)t!["description"])).Select(t => (string?)t!["name"]));
    }

    [Fact]
    public async Task The_referral_vocabularies_are_listed()
    {
        var schemas = (await DocumentAsync("MedMassage.Referral.Api"))["components"]!["schemas"]!;

        Assert.Equal(MassageTechniques.Known, Items(schemas["SubmitReferral"]!["properties"]!["techniques"]!));
        Assert.Equal(["female", "male", "other", "unknown"], Values(schemas["PatientInput"]!["properties"]!["sex"]!));
        Assert.Equal(["email", "sms", "phone"], Values(schemas["PatientInput"]!["properties"]!["preferredChannel"]!));
        Assert.Equal(["routine", "urgent"], Values(schemas["SubmitReferral"]!["properties"]!["priority"]!));
        Assert.Equal(
            [ReferralStatuses.Received, ReferralStatuses.Accepted, ReferralStatuses.Rejected, ReferralStatuses.OnHold, ReferralStatuses.InTreatment,
                ReferralStatuses.Completed, ReferralStatuses.Expired, ReferralStatuses.Exhausted, ReferralStatuses.Cancelled],
            Values(schemas["ReferralSummary"]!["properties"]!["status"]!));
    }

    [Fact]
    public async Task The_scheduling_vocabularies_are_listed()
    {
        var schemas = (await DocumentAsync("MedMassage.Scheduling.Api"))["components"]!["schemas"]!;

        Assert.Equal(MassageTechniques.Known, Items(schemas["BookRequest"]!["properties"]!["techniques"]!));
        Assert.Equal(MassageTechniques.Known, Items(schemas["TherapistRequest"]!["properties"]!["certifications"]!));
        Assert.Equal(["evaluation", "treatment", "re-evaluation"], Values(schemas["AppointmentTypeRequest"]!["properties"]!["kind"]!));
        Assert.Contains("wednesday", Values(schemas["WeeklyTimeDto"]!["properties"]!["day"]!));
    }

    private static async Task<JsonNode> DocumentAsync(string service) => JsonNode.Parse(await ServiceDocuments.GetAsync(service))!;

    // The allowed values without the null a nullable field adds.
    private static List<string> Values(JsonNode schema) =>
        [.. (schema["enum"]?.AsArray() ?? []).OfType<JsonNode>().Select(v => (string)v!)];

    private static List<string> Items(JsonNode schema) => Values(schema["items"] ?? new JsonObject());
}
