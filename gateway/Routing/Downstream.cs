namespace MedMassage.Gateway.Routing;

/// <summary>A service behind the gateway: its discovery name and the public path prefixes it owns.</summary>
public sealed record DownstreamService(string Name, string Title, params string[] PathPrefixes)
{
    public static readonly IReadOnlyList<DownstreamService> All =
    [
        new("referral-api", "Referrals", "/api/referrals")
        {
            // A physician opens links from e-mails without signing in: the signed, expiring token in the address is the credential.
            AnonymousPrefixes = ["/api/referrals/links"],
        },
        new("scheduling-api", "Scheduling", "/api/scheduling")
        {
            // Calendar apps cannot send tokens: the unguessable secret in a feed's address is its credential.
            AnonymousPrefixes = ["/api/scheduling/calendar-feeds"],
        },
        new("clinical-notes-api", "Clinical notes", "/api/clinical-notes")
        {
            AnonymousPrefixes = ["/api/clinical-notes/links"],
            // The service's first prefix: integrations written against it, and links in e-mails already sent, keep working.
            FormerPrefixes = new Dictionary<string, string> { ["/api/notes"] = "/api/clinical-notes" },
        },
        new("notification-api", "Notifications", "/api/notifications"),
        // The token issuer: OAuth endpoints, the staff login page and discovery documents.
        new("identity-api", "Identity", "/connect", "/account", "/.well-known", "/api/identity") { PreserveHost = true },
        // The staff web app keeps its own sign-in (a cookie); it builds its sign-in callback from the public host.
        new("staff-app", "Staff app", "/staff") { PreserveHost = true, HasApi = false },
    ];

    /// <summary>Whether it publishes an OpenAPI document for the API reference (the web app has none).</summary>
    public bool HasApi { get; init; } = true;

    /// <summary>
    /// Forward the public Host header: the issuer builds login redirects and discovery URLs from it,
    /// which must point at the gateway, not at the internal address.
    /// </summary>
    public bool PreserveHost { get; init; }

    /// <summary>Prefixes the service answered under before (former → current); requests to them are forwarded rewritten.</summary>
    public IReadOnlyDictionary<string, string> FormerPrefixes { get; init; } = new Dictionary<string, string>();

    /// <summary>Paths under this service's prefixes that need no token at the gateway (the service decides).</summary>
    public IReadOnlyList<string> AnonymousPrefixes { get; init; } = [];

    /// <summary>
    /// Whether this deployment has the service: Aspire's service-discovery contract, <c>services__{name}__http__0</c>
    /// (and <c>__1</c>, … for replicas), is configured for it.
    /// </summary>
    public bool IsConfigured(IConfiguration configuration) =>
        configuration.GetSection($"services:{Name}").AsEnumerable().Any(setting => !string.IsNullOrEmpty(setting.Value));

    /// <summary>Its logical address; service discovery resolves it to every configured endpoint.</summary>
    public Uri Address => new($"http://{Name}");
}
