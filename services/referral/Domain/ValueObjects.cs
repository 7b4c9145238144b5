using System.Text.Json.Serialization;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Referral.Api.Domain;

public sealed record ExternalIdentifier(string System, string Value);

public sealed record Patient(
    Guid Id,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    [OneOf(typeof(ReferralVocabulary), nameof(ReferralVocabulary.Sexes))] string Sex,
    string? Phone,
    string? Email,
    [OneOf(typeof(ReferralVocabulary), nameof(ReferralVocabulary.Channels))] string PreferredChannel,
    string Language,
    IReadOnlyList<ExternalIdentifier> Identifiers)
{
    [JsonIgnore]
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Name and birth date, normalized: what "the same patient" means when we look for duplicates.</summary>
    [JsonIgnore]
    public string Key => $"{FirstName.Trim().ToUpperInvariant()}|{LastName.Trim().ToUpperInvariant()}|{DateOfBirth:yyyy-MM-dd}";

    public PatientContact ToContact() => new(Id, FullName, Email, Phone, PreferredChannel, Language);
}

public sealed record Physician(string Name, string Npi, string? Organization, string? Phone, string? Fax, string? Email)
{
    public PhysicianContact ToContact() => new(Name, Npi, Organization, Email, Phone, Fax);
}

public sealed record Insurance(string Payer, string MemberId, string? AuthorizationNumber, int? AuthorizedVisits);

public sealed record Precaution(string Name, ContraindicationEffect Effect, string? BodyRegion);

/// <summary>The physician's clearance of a technique or a finding; stored as "technique" since clearances began with techniques.</summary>
public sealed record Clearance(
    [property: JsonPropertyName("technique")] string Subject,
    string ClearedBy,
    DateTimeOffset ClearedAt,
    string? DocumentReference,
    string RecordedBy,
    string Kind = ClearanceNeeded.Technique);

public enum VisitOutcome
{
    Completed,
    NoShow,
    LateCancellation,
}

/// <summary>An appointment applied to the referral's visit accounting, counted against it or not.</summary>
public sealed record VisitRecord(Guid AppointmentId, VisitOutcome Outcome, bool Counted, DateTimeOffset At);
