using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MedMassage.Identity.Api.Tokens;

/// <summary>Every scope this server grants. System scopes follow SMART v1 syntax (resource type, read/write).</summary>
public static class ScopeCatalogue
{
    public const string ServiceRequestWrite = "system/ServiceRequest.write";
    public const string ServiceRequestRead = "system/ServiceRequest.read";
    public const string AppointmentRead = "system/Appointment.read";
    public const string DiagnosticReportRead = "system/DiagnosticReport.read";

    /// <summary>For hospital and physician-office systems (client credentials).</summary>
    public static readonly IReadOnlyList<string> System = [ServiceRequestWrite, ServiceRequestRead, AppointmentRead, DiagnosticReportRead];

    /// <summary>For the staff app (authorization code); what staff may do is decided by role and location.</summary>
    public static readonly IReadOnlyList<string> Staff = [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess];

    public static readonly IReadOnlyList<string> All = [.. Staff, .. System];
}
