using MedMassage.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace MedMassage.ClinicalNotes.Api.Application.Access;

/// <summary>The policy this service adds to the shared ones.</summary>
public static class ClinicalPolicies
{
    /// <summary>
    /// Progress reports and discharge summaries are written for the referring physician: clinicians read them at their
    /// locations, the physician for their own patients (<see cref="ClinicalScope"/> decides which).
    /// </summary>
    public const string ReportReader = "clinical-report-reader";

    public static AuthorizationBuilder AddClinicalPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(ReportReader, p => p.RequireRole(Roles.Therapist, Roles.ClinicAdmin, Roles.ReferringPhysician));
}
