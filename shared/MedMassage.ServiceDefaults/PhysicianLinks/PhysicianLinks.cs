using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace MedMassage.ServiceDefaults.PhysicianLinks;

/// <summary>
/// Issues and reads physician links. A link's token is the link protected by ASP.NET Core Data Protection under its
/// purpose: encrypted and signed with a key ring every service shares (in Redis), so it cannot be read, altered or
/// used for another purpose; its expiry is judged by the service's clock.
/// </summary>
public sealed class PhysicianLinks(IDataProtectionProvider protection, TimeProvider time, IOptions<PhysicianLinkOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The address the physician opens: through the gateway, at the purpose's path, with the token.</summary>
    public string Issue(string purpose, Guid referralId, Guid subject, int version, string physicianNpi, string physicianName)
    {
        var link = new PhysicianLink(Guid.CreateVersion7(), purpose, referralId, subject, version, physicianNpi, physicianName,
            time.GetUtcNow() + options.Value.Lifetime);
        var token = Protector(purpose).Protect(JsonSerializer.Serialize(link, Json));
        return $"{options.Value.PublicBaseUrl.TrimEnd('/')}{PhysicianLinkPurposes.PathOf(purpose)}/{token}";
    }

    /// <summary>The link a token stands for, when it is genuine, for this purpose and not expired.</summary>
    public LinkReading Read(string purpose, string token)
    {
        PhysicianLink? link;
        try
        {
            link = JsonSerializer.Deserialize<PhysicianLink>(Protector(purpose).Unprotect(token), Json);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return new LinkReading(null, LinkProblem.NotValid);
        }
        if (link is null || link.Purpose != purpose)
        {
            return new LinkReading(null, LinkProblem.NotValid);
        }
        return link.ExpiresAt <= time.GetUtcNow() ? new LinkReading(null, LinkProblem.Expired) : new LinkReading(link, null);
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("MedMassage.PhysicianLinks", purpose);
}

public enum LinkProblem { NotValid, Expired }

public sealed record LinkReading(PhysicianLink? Link, LinkProblem? Problem);

/// <summary>The "PhysicianLinks" configuration section.</summary>
public sealed class PhysicianLinkOptions
{
    /// <summary>The gateway's public address, which links start with.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";

    /// <summary>How long a link works after it was sent.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);
}
