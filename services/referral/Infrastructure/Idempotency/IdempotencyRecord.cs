namespace MedMassage.Referral.Api.Infrastructure.Idempotency;

/// <summary>
/// The outcome of a POST made with an Idempotency-Key, kept so a retry gets the same answer instead of a second
/// referral. The fingerprint tells a genuine retry from a different request reusing the key.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(string key, string fingerprint, Guid referralId, string response, DateTimeOffset createdAt)
    {
        Key = key;
        Fingerprint = fingerprint;
        ReferralId = referralId;
        Response = response;
        CreatedAt = createdAt;
    }

    public string Key { get; private set; } = "";
    public string Fingerprint { get; private set; } = "";
    public Guid ReferralId { get; private set; }
    public string Response { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
