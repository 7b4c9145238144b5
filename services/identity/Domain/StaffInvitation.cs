using System.Security.Cryptography;
using System.Text;

namespace MedMassage.Identity.Api.Domain;

/// <summary>
/// A one-time link for an invited person to set their password. Only the token's SHA-256 is stored: whoever reads the
/// database cannot use it. A new invitation replaces older ones of the same person.
/// </summary>
public sealed class StaffInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private StaffInvitation() { } // EF Core

    public Guid Id { get; private set; }
    public Guid StaffId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The invitation and the token to put in the link (never stored).</summary>
    public static (StaffInvitation Invitation, string Token) Issue(Guid staffId, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new StaffInvitation { Id = Guid.NewGuid(), StaffId = staffId, TokenHash = Hash(token), ExpiresAt = now + Lifetime }, token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset now) => UsedAt = now;
}
