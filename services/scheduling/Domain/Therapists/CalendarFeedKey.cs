using System.Security.Cryptography;
using System.Text;

namespace MedMassage.Scheduling.Api.Domain.Therapists;

/// <summary>
/// The secret in a therapist's calendar-feed address. Calendar apps cannot send access tokens, so whoever holds
/// the address may read the feed: 256 random bits make it unguessable, and only its hash is stored, so a copy of
/// the database does not open anyone's feed. Issuing a new key retires the old one.
/// </summary>
public static class CalendarFeedKey
{
    public static (string Key, byte[] Hash) New()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, Hash(key));
    }

    public static bool Matches(byte[]? hash, string key) =>
        hash is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(hash, Hash(key));

    // A plain digest suffices: the key is random and long, so there is nothing to brute-force that stretching would slow.
    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
