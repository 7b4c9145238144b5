using MedMassage.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace MedMassage.ClinicalNotes.Api.Application.Access;

/// <summary>The policy this service adds to the shared ones.</summary>
public static class ClinicalPolicies
{
    /// <summary>
    /// Progress reports and discharge summaries are written for the referring physician: clinicians read them at their
    /// locations, the physician for their own patients, and the system that submitted the referral with
    /// <see cref="SystemScopes.DiagnosticReportRead"/> (<see cref="ClinicalNotesAccess"/> decides which).
    /// </summary>
    public const string ReportReader = "clinical-report-reader";

    public static AuthorizationBuilder AddClinicalPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(ReportReader, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Therapist) || c.User.IsInRole(Roles.ClinicAdmin) || c.User.IsInRole(Roles.ReferringPhysician)
            || (c.User.IsInRole(Roles.IntegrationClient) && c.User.HasScope(SystemScopes.DiagnosticReportRead))));
}
