namespace MedMassage.Referral.Api.Infrastructure.Idempotency;

/// <summary>
/// The outcome of a POST made with an Idempotency-Key, kept so a retry gets the same answer instead of a second
/// referral. The fingerprint tells a genuine retry from a different request reusing the key. Keys belong to the
/// caller who sent them (<see cref="Owner"/>, the token subject): another caller's key is simply a new key, so
/// nobody reads back someone else's referral by guessing it.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(string owner, string key, string fingerprint, Guid referralId, string response, DateTimeOffset createdAt)
    {
        Owner = owner;
        Key = key;
        Fingerprint = fingerprint;
        ReferralId = referralId;
        Response = response;
        CreatedAt = createdAt;
    }

    public string Owner { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string Fingerprint { get; private set; } = "";
    public Guid ReferralId { get; private set; }
    public string Response { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
