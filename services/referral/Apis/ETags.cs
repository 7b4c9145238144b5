using Microsoft.Extensions.Primitives;

namespace MedMassage.Referral.Api.Apis;

/// <summary>Strong ETags from the row version, and the If-Match check that makes updates optimistic.</summary>
internal static class ETags
{
    public static string For(uint version) => $"\"{version}\"";

    /// <summary>True when no If-Match was sent, it is "*", or one of its tags is the current version.</summary>
    public static bool Matches(StringValues ifMatch, uint version)
    {
        if (StringValues.IsNullOrEmpty(ifMatch))
        {
            return true;
        }
        var current = For(version);
        return ifMatch
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(tag => tag == "*" || tag == current);
    }
}
