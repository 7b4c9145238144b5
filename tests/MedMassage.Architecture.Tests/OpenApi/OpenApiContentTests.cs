using System.Text.Json.Nodes;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Architecture.Tests.OpenApi;

/// <summary>
/// What the lint cannot know: every operation says what it does and who may call it, every request body shows a real
/// example, the fields of a fixed vocabulary list its values, from where the code defines them ([OneOf]), the
/// required and nullable fields are those of the code, and the FHIR operations declare the refusals they give.
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

    [Fact]
    public async Task A_referral_answer_lists_the_patients_sex_and_channel()
    {
        var patient = (await DocumentAsync("MedMassage.Referral.Api"))["components"]!["schemas"]!["Patient"]!["properties"]!;

        Assert.Equal(["female", "male", "other", "unknown"], Values(patient["sex"]!));
        Assert.Equal(["email", "sms", "phone"], Values(patient["preferredChannel"]!));
    }

    [Fact]
    public async Task A_visit_notes_techniques_audit_actions_and_series_scopes_are_listed()
    {
        var clinical = await DocumentAsync("MedMassage.ClinicalNotes.Api");
        var applied = clinical["components"]!["schemas"]!["AppliedTechnique"]!["properties"]!;
        var audit = clinical["paths"]!["/api/clinical-notes/audit"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "action")!;
        var scheduling = (await DocumentAsync("MedMassage.Scheduling.Api"))["components"]!["schemas"]!;

        Assert.Equal(MassageTechniques.Known, Values(applied["technique"]!));
        Assert.Contains("97140", Values(applied["cptCode"]!));
        Assert.Contains("sign", Values(audit["schema"]!));
        Assert.Equal(["this", "following"], Values(scheduling["SeriesChangeRequest"]!["properties"]!["scope"]!));
        Assert.Equal(["this", "following"], Values(scheduling["SeriesCancelRequest"]!["properties"]!["scope"]!));
    }

    [Fact]
    public async Task A_request_requires_what_the_code_refuses_to_do_without()
    {
        var schemas = (await DocumentAsync("MedMassage.Referral.Api"))["components"]!["schemas"]!;
        var submit = Required(schemas["SubmitReferral"]!);

        Assert.Superset(new HashSet<string> { "patient", "physician", "diagnoses", "sessionsPerWeek", "weeks", "authorizedVisits", "validFrom", "validUntil" }, submit);
        Assert.DoesNotContain("notes", submit);
        Assert.DoesNotContain("priority", submit);
        Assert.Equal(new HashSet<string> { "firstName", "lastName", "dateOfBirth" }, Required(schemas["PatientInput"]!));
        // Required, so never null: the code refuses a null as it refuses a missing field.
        Assert.NotNull(schemas["SubmitReferral"]!["properties"]!["patient"]!["$ref"]);
        Assert.False(MayBeNull(schemas["SubmitReferral"]!["properties"]!["sessionsPerWeek"]!));
        Assert.True(MayBeNull(schemas["SubmitReferral"]!["properties"]!["notes"]!));
        // A value field of a request takes its default when missing.
        var preferences = (await DocumentAsync("MedMassage.Notification.Api"))["components"]!["schemas"]!["PreferencesRequest"]!;
        Assert.DoesNotContain("remindersOptedOut", Required(preferences));
    }

    [Theory]
    [InlineData("MedMassage.Scheduling.Api", "RescheduleRequest", "startsAt")]
    [InlineData("MedMassage.Scheduling.Api", "WaitlistRequest", "referralId,locationId,appointmentType")]
    [InlineData("MedMassage.ClinicalNotes.Api", "TreatmentPlanRequest", "evaluationId,techniques,bodyRegions,sessionsPerWeek,weeks,visitCount,goals")]
    public async Task A_booking_or_plan_request_requires_what_its_handler_refuses_to_do_without(string service, string schema, string fields)
    {
        var schemas = (await DocumentAsync(service))["components"]!["schemas"]!;

        Assert.Equal(fields.Split(',').ToHashSet(), Required(schemas[schema]!));
    }

    [Fact]
    public async Task A_required_query_parameter_is_declared_required()
    {
        var slots = (await DocumentAsync("MedMassage.Scheduling.Api"))["paths"]!["/api/scheduling/slots"]!["get"]!["parameters"]!.AsArray();

        Assert.Equal(["from", "locationId", "referralId", "to"],
            slots.Where(p => (bool?)p!["required"] == true).Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_answers_fields_are_null_typed_exactly_where_the_code_allows_null()
    {
        var details = (await DocumentAsync("MedMassage.Referral.Api"))["components"]!["schemas"]!["ReferralDetails"]!;
        var properties = details["properties"]!;

        Assert.False(MayBeNull(properties["reference"]!));
        Assert.False(MayBeNull(properties["sessionsPerWeek"]!));
        Assert.Superset(new HashSet<string> { "id", "reference", "sessionsPerWeek", "validUntil" }, Required(details));
        Assert.True(MayBeNull(properties["statusReason"]!));
        Assert.True(MayBeNull(properties["insurance"]!));
        Assert.DoesNotContain("statusReason", Required(details));
    }

    [Theory]
    [MemberData(nameof(OpenApiDocumentTests.EachService), MemberType = typeof(OpenApiDocumentTests))]
    public async Task No_required_field_is_null_typed(string service)
    {
        var schemas = (await DocumentAsync(service))["components"]!["schemas"]!.AsObject();

        var nullable = schemas.SelectMany(s => Required(s.Value!).Where(r => s.Value!["properties"]?[r] is { } field && MayBeNull(field)).Select(r => $"{s.Key}.{r}"));

        Assert.Empty(nullable);
    }

    [Theory]
    [InlineData("MedMassage.Referral.Api", "/fhir/ServiceRequest/{id}", "put", new[] { "400", "404", "409", "412", "422" })]
    [InlineData("MedMassage.Referral.Api", "/fhir/ServiceRequest", "post", new[] { "400", "412", "422" })]
    [InlineData("MedMassage.Referral.Api", "/fhir/Patient", "post", new[] { "400", "422" })]
    [InlineData("MedMassage.Scheduling.Api", "/fhir/Appointment/{id}", "put", new[] { "400", "404", "409", "412", "422" })]
    [InlineData("MedMassage.Scheduling.Api", "/fhir/Appointment", "post", new[] { "400", "409", "422" })]
    [InlineData("MedMassage.Scheduling.Api", "/fhir/Slot", "get", new[] { "400", "422" })]
    [InlineData("MedMassage.ClinicalNotes.Api", "/fhir/CarePlan", "get", new[] { "400" })]
    [InlineData("MedMassage.Notification.Api", "/fhir/Communication", "get", new[] { "400" })]
    public async Task A_fhir_operation_declares_its_refusals_as_operation_outcomes(string service, string path, string method, string[] statuses)
    {
        var responses = (await DocumentAsync(service))["paths"]![path]![method]!["responses"]!;

        foreach (var status in statuses)
        {
            Assert.True(responses[status] is not null, $"{method.ToUpperInvariant()} {path} does not declare {status}.");
            Assert.EndsWith("/OperationOutcome", (string?)responses[status]!["content"]?["application/fhir+json"]?["schema"]?["$ref"]);
            Assert.EndsWith(".", (string?)responses[status]!["description"]); // its reason, not the status's name
        }
    }

    private static async Task<JsonNode> DocumentAsync(string service) => JsonNode.Parse(await ServiceDocuments.GetAsync(service))!;

    // The allowed values without the null a nullable field adds.
    private static List<string> Values(JsonNode schema) =>
        [.. (schema["enum"]?.AsArray() ?? []).OfType<JsonNode>().Select(v => (string)v!)];

    private static List<string> Items(JsonNode schema) => Values(schema["items"] ?? new JsonObject());

    private static HashSet<string> Required(JsonNode schema) => [.. (schema["required"]?.AsArray() ?? []).Select(r => (string)r!)];

    // A null type, a null among the values, or a choice of null or something else.
    private static bool MayBeNull(JsonNode schema) =>
        (schema["type"] is JsonArray types ? types.Any(t => (string?)t == "null") : (string?)schema["type"] == "null")
        || (schema["enum"]?.AsArray().Any(v => v is null) ?? false)
        || (schema["oneOf"]?.AsArray().Any(s => MayBeNull(s!)) ?? false);
}
