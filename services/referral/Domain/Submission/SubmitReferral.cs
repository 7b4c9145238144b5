using MedMassage.Contracts;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Referral.Api.Domain.Submission;

// What a physician's office or hospital system sends. Everything is optional here so that one pass of validation
// can name every missing or bad field at once instead of failing on the first. Identifier is the submitting system's own
// identifier of this order (FHIR ServiceRequest.identifier).

public sealed record SubmitReferral(
    PatientInput? Patient,
    PhysicianInput? Physician,
    IReadOnlyList<string>? Diagnoses,
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string>? Techniques,
    IReadOnlyList<string>? BodyRegions,
    int? SessionsPerWeek,
    int? Weeks,
    int? AuthorizedVisits,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    IReadOnlyList<PrecautionInput>? Precautions,
    InsuranceInput? Insurance,
    Guid? LocationId,
    [OneOf(typeof(ReferralValidator), nameof(ReferralValidator.Priorities))] string? Priority,
    string? Notes,
    IdentifierInput? Identifier = null);

public sealed record PatientInput(
    Guid? Id,
    string? FirstName,
    string? LastName,
    DateOnly? DateOfBirth,
    [OneOf(typeof(PartyValidator), nameof(PartyValidator.Sexes))] string? Sex,
    string? Phone,
    string? Email,
    [OneOf(typeof(PartyValidator), nameof(PartyValidator.Channels))] string? PreferredChannel,
    string? Language,
    IReadOnlyList<IdentifierInput>? Identifiers);

public sealed record IdentifierInput(string? System, string? Value);

public sealed record PhysicianInput(string? Name, string? Npi, string? Organization, string? Phone, string? Fax, string? Email);

/// <summary>Effect: "blocks-all-treatment", "excludes-local-area" (needs a body region) or "needs-physician-clearance".</summary>
public sealed record PrecautionInput(string? Name, [OneOf(typeof(ContraindicationEffect))] string? Effect, string? BodyRegion);

public sealed record InsuranceInput(string? Payer, string? MemberId, string? AuthorizationNumber, int? AuthorizedVisits);
