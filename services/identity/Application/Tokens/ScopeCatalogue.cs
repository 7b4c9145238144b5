using MedMassage.Fhir;
using MedMassage.ServiceDefaults.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MedMassage.Identity.Api.Application.Tokens;

/// <summary>
/// Every scope this server grants, and so every scope discovery advertises: each is enforced somewhere. System scopes
/// follow SMART v1 syntax (resource type, read/write): the FHIR endpoint's come from its catalogue, plus the REST
/// reports' <c>system/DiagnosticReport.read</c>.
/// </summary>
public static class ScopeCatalogue
{
    /// <summary>For hospital and physician-office systems (client credentials).</summary>
    public static readonly IReadOnlyList<string> System = [.. FhirCatalogue.Scopes.Union([SystemScopes.DiagnosticReportRead])];

    /// <summary>For the staff app (authorization code); what staff may do is decided by role and location.</summary>
    public static readonly IReadOnlyList<string> Staff = [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess];

    public static readonly IReadOnlyList<string> All = [.. Staff, .. System];
}
