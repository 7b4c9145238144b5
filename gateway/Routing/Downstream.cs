namespace MedMassage.Gateway.Routing;

/// <summary>A service behind the gateway: its discovery name and the public path prefix it owns.</summary>
public sealed record DownstreamService(string Name, string PathPrefix, string Title)
{
    public static readonly IReadOnlyList<DownstreamService> All =
    [
        new("referral-api", "/api/referrals", "Referrals"),
        new("scheduling-api", "/api/scheduling", "Scheduling"),
        new("clinical-notes-api", "/api/notes", "Clinical notes"),
        new("notification-api", "/api/notifications", "Notifications"),
    ];

    /// <summary>Aspire's service-discovery contract: <c>services__{name}__http__0</c>.</summary>
    public string? Address(IConfiguration configuration) =>
        configuration[$"services:{Name}:http:0"] ?? configuration[$"services:{Name}:https:0"];
}
