namespace MedMassage.Referral.Api.Domain.Submission;

// What a physician's office or hospital system sends. Everything is optional here so that one pass of validation
// can name every missing or bad field at once instead of failing on the first. Identifier is the submitting system's own
// identifier of this order (FHIR ServiceRequest.identifier).

public sealed record SubmitReferral(
    PatientInput? Patient,
    PhysicianInput? Physician,
    IReadOnlyList<string>? Diagnoses,
    IReadOnlyList<string>? Techniques,
    IReadOnlyList<string>? BodyRegions,
    int? SessionsPerWeek,
    int? Weeks,
    int? AuthorizedVisits,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    IReadOnlyList<PrecautionInput>? Precautions,
    InsuranceInput? Insurance,
    Guid? LocationId,
    string? Priority,
    string? Notes,
    IdentifierInput? Identifier = null);

public sealed record PatientInput(
    Guid? Id,
    string? FirstName,
    string? LastName,
    DateOnly? DateOfBirth,
    string? Sex,
    string? Phone,
    string? Email,
    string? PreferredChannel,
    string? Language,
    IReadOnlyList<IdentifierInput>? Identifiers);

public sealed record IdentifierInput(string? System, string? Value);

public sealed record PhysicianInput(string? Name, string? Npi, string? Organization, string? Phone, string? Fax, string? Email);

/// <summary>Effect: "blocks-all-treatment", "excludes-local-area" (needs a body region) or "needs-physician-clearance".</summary>
public sealed record PrecautionInput(string? Name, string? Effect, string? BodyRegion);

public sealed record InsuranceInput(string? Payer, string? MemberId, string? AuthorizationNumber, int? AuthorizedVisits);
