namespace MedMassage.Referral.Api.Domain;

/// <summary>
/// Who sent a referral in: the person or system (token subject), in which role, through which client application.
/// Kept on the referral, it decides whose referral it is (an integrated system reads back the ones it submitted).
/// </summary>
public sealed record Submitter(string Id, string Name, string? Role, string? ClientId)
{
    public Actor Actor => new(Id, Name);
}
