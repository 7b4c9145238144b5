using System.ComponentModel.DataAnnotations;
using MedMassage.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Referral.Api.Apis.Contracts;

// What a physician's office or hospital system sends. Everything is optional here so that one pass of validation
// can name every missing or bad field at once instead of failing on the first. Identifier is the submitting system's own
// identifier of this order (FHIR ServiceRequest.identifier). [Required] marks, for the API description, what the
// validators refuse to do without.

public sealed record SubmitReferral(
    [Required] PatientInput? Patient,
    [Required] PhysicianInput? Physician,
    [Required] IReadOnlyList<string>? Diagnoses,
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string>? Techniques,
    IReadOnlyList<string>? BodyRegions,
    [Required] int? SessionsPerWeek,
    [Required] int? Weeks,
    [Required] int? AuthorizedVisits,
    [Required] DateOnly? ValidFrom,
    [Required] DateOnly? ValidUntil,
    IReadOnlyList<PrecautionInput>? Precautions,
    InsuranceInput? Insurance,
    Guid? LocationId,
    [OneOf(typeof(ReferralVocabulary), nameof(ReferralVocabulary.Priorities))] string? Priority,
    string? Notes,
    IdentifierInput? Identifier = null);

public sealed record PatientInput(
    Guid? Id,
    [Required] string? FirstName,
    [Required] string? LastName,
    [Required] DateOnly? DateOfBirth,
    [OneOf(typeof(ReferralVocabulary), nameof(ReferralVocabulary.Sexes))] string? Sex,
    string? Phone,
    string? Email,
    [OneOf(typeof(ReferralVocabulary), nameof(ReferralVocabulary.Channels))] string? PreferredChannel,
    string? Language,
    IReadOnlyList<IdentifierInput>? Identifiers);

public sealed record IdentifierInput([Required] string? System, [Required] string? Value);

public sealed record PhysicianInput([Required] string? Name, [Required] string? Npi, string? Organization, string? Phone, string? Fax, string? Email);

/// <summary>Effect: "blocks-all-treatment", "excludes-local-area" (needs a body region) or "needs-physician-clearance".</summary>
public sealed record PrecautionInput([Required] string? Name, [Required][OneOf(typeof(ContraindicationEffect))] string? Effect, string? BodyRegion);

public sealed record InsuranceInput([Required] string? Payer, [Required] string? MemberId, string? AuthorizationNumber, int? AuthorizedVisits);
