namespace MedMassage.StaffApp.Extensions;

/// <summary>Settings of section <c>StaffApp</c>.</summary>
public sealed class StaffAppOptions
{
    public const string Section = "StaffApp";

    /// <summary>Where the gateway serves this app; its sign-in callback is registered at identity under it.</summary>
    public const string PathBase = "/staff";

    /// <summary>The gateway's public address: the token issuer, and every API the app calls with the person's token.</summary>
    public Uri Gateway { get; set; } = new("http://127.0.0.1:8080/");

    /// <summary>The client registered for this app at the identity service (public client, code + PKCE).</summary>
    public string ClientId { get; set; } = "staff-web";

    /// <summary>An access token this close to expiry is refreshed before a call, so no call goes out with a dying token.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a sign-in lasts without use; the identity service may end it sooner (deactivation).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);
}
