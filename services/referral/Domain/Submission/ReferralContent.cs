namespace MedMassage.Referral.Api.Domain.Submission;

/// <summary>A submission that passed validation: every value present, well-formed and normalized.</summary>
public sealed record ReferralContent(
    Patient Patient,
    Physician Physician,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> BodyRegions,
    int SessionsPerWeek,
    int Weeks,
    int AuthorizedVisits,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    IReadOnlyList<Precaution> Precautions,
    Insurance? Insurance,
    Guid? LocationId,
    string Priority,
    string? Notes,
    ExternalIdentifier? Identifier = null)
{
    /// <summary>The visits that may be used: the referral's count, capped by the insurer's authorization when there is one.</summary>
    public int EffectiveAuthorizedVisits =>
        Insurance?.AuthorizedVisits is { } insured ? Math.Min(AuthorizedVisits, insured) : AuthorizedVisits;
}
