namespace MedMassage.Gateway.Edge;

/// <summary>Section <c>Gateway</c>: what the front door allows.</summary>
public sealed class EdgeOptions
{
    /// <summary>Largest request body accepted (referrals with attachments stay well below; default 1 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long an upstream service may stay silent before the caller gets 504.</summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Origins of the staff web app allowed to call the API from a browser.</summary>
    public string[] StaffWebOrigins { get; set; } = [];

    public RateLimit PerClient { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    public RateLimit PerIp { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };
}

public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}
