using System.Globalization;

namespace MedMassage.StaffApp.Session;

/// <summary>A person's tokens from the identity service, kept on the server only.</summary>
public sealed record StaffTokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt)
{
    public static StaffTokens From(string accessToken, string? refreshToken, string? expiresIn, DateTimeOffset now) =>
        new(accessToken, refreshToken,
            now.AddSeconds(int.TryParse(expiresIn, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 60));

    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => ExpiresAt - now <= margin;
}
