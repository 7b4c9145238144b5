using Hl7.Fhir.Model;

namespace MedMassage.Fhir;

public sealed record FhirSearchParameter(string Name, SearchParamType Type, string Documentation);

/// <summary>A resource type on the FHIR endpoint: the service that owns it and what may be done with it.</summary>
public sealed record FhirResourceType(string Name, string Service, IReadOnlyList<FhirSearchParameter> SearchParameters)
{
    public bool Create { get; init; }
    public bool Update { get; init; }

    /// <summary>The search parameter a conditional create (<c>If-None-Exist</c>) matches on, when supported.</summary>
    public string? ConditionalCreateOn { get; init; }

    public string ReadScope => FhirScopes.For(Name, FhirScopes.Read);
    public string? WriteScope => Create || Update ? FhirScopes.For(Name, FhirScopes.Write) : null;
}

/// <summary>
/// The one list of what the FHIR endpoint offers. The gateway routes each type to its service from it and builds
/// <c>/fhir/metadata</c> from it; the identity service grants exactly its scopes. A service maps only its own types.
/// </summary>
public static class FhirCatalogue
{
    private const string Referral = "referral-api";
    private const string Scheduling = "scheduling-api";
    private const string ClinicalNotes = "clinical-notes-api";
    private const string Notification = "notification-api";

    private static FhirSearchParameter P(string name, SearchParamType type, string doc) => new(name, type, doc);

    private static readonly FhirSearchParameter Count = P("_count", SearchParamType.Number, "Entries per page, 1 to 100 (default 20).");
    private static readonly FhirSearchParameter Id = P("_id", SearchParamType.Token, "The resource's id.");

    public static readonly IReadOnlyList<FhirResourceType> Types =
    [
        new("ServiceRequest", Referral,
        [
            Id, Count,
            P("identifier", SearchParamType.Token, "The submitting system's identifier (system|value)."),
            P("patient", SearchParamType.Reference, "The patient (Patient/id)."),
            P("status", SearchParamType.Token, "draft, active, on-hold, revoked, completed."),
            P("requester", SearchParamType.Reference, "The referring physician, Practitioner/npi-{NPI} or the NPI as identifier."),
            P("authored", SearchParamType.Date, "When the referral was received (eq, ge, gt, le, lt)."),
            P("_lastUpdated", SearchParamType.Date, "When the referral last changed."),
        ]) { Create = true, Update = true, ConditionalCreateOn = "identifier" },
        new("Patient", Referral,
        [
            Id, Count,
            P("identifier", SearchParamType.Token, "The hospital's patient identifier (system|value)."),
            P("family", SearchParamType.String, "Family name (starts with)."),
            P("birthdate", SearchParamType.Date, "Date of birth."),
        ]) { Create = true, ConditionalCreateOn = "identifier" },
        new("Practitioner", Scheduling, [Id, Count, P("name", SearchParamType.String, "Name (contains).")]),
        new("PractitionerRole", Scheduling,
            [Id, Count, P("practitioner", SearchParamType.Reference, "The therapist."), P("location", SearchParamType.Reference, "Where they work.")]),
        new("Location", Scheduling, [Id, Count, P("name", SearchParamType.String, "Name (contains).")]),
        new("Schedule", Scheduling, [Id, Count, P("actor", SearchParamType.Reference, "Practitioner/id or Location/id.")]),
        new("Slot", Scheduling,
        [
            Count,
            P("based-on", SearchParamType.Reference, "Required: the ServiceRequest to book for; free slots depend on its dates, techniques and location."),
            P("schedule", SearchParamType.Reference, "One therapist's schedule (Schedule/id)."),
            P("start", SearchParamType.Date, "Start range, e.g. start=ge2027-01-04&start=lt2027-01-11 (at most 31 days; default the next 7)."),
            P("status", SearchParamType.Token, "Only free is offered."),
            P("service-type", SearchParamType.Token, "The appointment type code (default: evaluation before the evaluation is done, else treatment-60)."),
        ]),
        new("Appointment", Scheduling,
        [
            Id, Count,
            P("patient", SearchParamType.Reference, "The patient (Patient/id)."),
            P("based-on", SearchParamType.Reference, "The ServiceRequest."),
            P("date", SearchParamType.Date, "The visit's start."),
            P("status", SearchParamType.Token, "booked, arrived, fulfilled, cancelled, noshow."),
            P("practitioner", SearchParamType.Reference, "The therapist."),
            P("location", SearchParamType.Reference, "The location."),
        ]) { Create = true, Update = true },
        new("Observation", ClinicalNotes,
        [
            Id, Count,
            P("patient", SearchParamType.Reference, "The patient (Patient/id)."),
            P("based-on", SearchParamType.Reference, "The ServiceRequest."),
            P("code", SearchParamType.Token, "LOINC code or outcome measure code."),
            P("date", SearchParamType.Date, "When it was measured."),
        ]),
        new("CarePlan", ClinicalNotes,
            [Id, Count, P("patient", SearchParamType.Reference, "The patient."), P("based-on", SearchParamType.Reference, "The ServiceRequest.")]),
        new("DocumentReference", ClinicalNotes,
        [
            Id, Count,
            P("patient", SearchParamType.Reference, "The patient."),
            P("related", SearchParamType.Reference, "The ServiceRequest the document is about."),
            P("type", SearchParamType.Token, "progress-report, discharge-summary (LOINC 11506-3, 18842-5)."),
            P("date", SearchParamType.Date, "When it was issued."),
        ]),
        new("Communication", Notification,
        [
            Id, Count,
            P("patient", SearchParamType.Reference, "The patient the message was about."),
            P("based-on", SearchParamType.Reference, "The ServiceRequest."),
            P("sent", SearchParamType.Date, "When it was sent."),
        ]),
    ];

    public static FhirResourceType Get(string name) => Types.First(t => t.Name == name);

    public static IEnumerable<FhirResourceType> OwnedBy(string service) => Types.Where(t => t.Service == service);

    /// <summary>Every scope the FHIR endpoint enforces, for the token server to grant and advertise.</summary>
    public static IReadOnlyList<string> Scopes => [.. Types.SelectMany(t => t.WriteScope is null ? [t.ReadScope] : new[] { t.ReadScope, t.WriteScope })];
}
