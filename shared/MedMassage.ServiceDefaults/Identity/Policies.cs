using Microsoft.AspNetCore.Authorization;

namespace MedMassage.ServiceDefaults.Identity;

/// <summary>
/// The authorization policies every endpoint declares one of. Roles decide what a caller may do; which records
/// they may see (their locations, their own referrals) is decided by the service's queries through
/// <see cref="ICurrentUser"/>.
/// </summary>
public static class Policies
{
    /// <summary>Front desk, therapists and clinic admins: the clinic's people, at their locations.</summary>
    public const string ClinicStaff = "clinic-staff";

    /// <summary>Front desk and clinic admins: intake, scheduling, patient contact.</summary>
    public const string FrontDesk = "front-desk";

    /// <summary>Therapists and clinic admins: clinical documentation.</summary>
    public const string Clinician = "clinician";

    /// <summary>Clinic admins: clinic set-up, audit trails, chain-wide views of their locations.</summary>
    public const string ClinicAdmin = "clinic-admin";

    /// <summary>Clinic admins and managers: the figures of their locations (outcomes, utilization, attendance).</summary>
    public const string Reporting = "reporting";

    /// <summary>The clinic's people and managers: where their locations are and when they open.</summary>
    public const string LocationReaders = "location-readers";

    /// <summary>Therapists, clinic admins and managers: outcome figures (no clinical content).</summary>
    public const string OutcomeReaders = "outcome-readers";

    /// <summary>Operations: delivery logs and technical views, no clinical content.</summary>
    public const string Operations = "operations";

    /// <summary>Who may submit a referral: physicians, integrated hospital/office systems (scope
    /// <c>system/ServiceRequest.write</c>) and the front desk entering a faxed one.</summary>
    public const string ReferralSubmitter = "referral-submitter";

    /// <summary>Who may read referrals: clinic staff (their locations), physicians (their own), integrated
    /// systems with <c>system/ServiceRequest.read</c> (the ones they submitted).</summary>
    public const string ReferralReader = "referral-reader";

    /// <summary>Any authenticated caller (e.g. their own inbox and preferences).</summary>
    public const string Authenticated = "authenticated";

    public static AuthorizationBuilder AddMedMassagePolicies(this AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Authenticated, p => p.RequireAuthenticatedUser())
        .AddPolicy(ClinicStaff, p => p.RequireRole(Roles.FrontDesk, Roles.Therapist, Roles.ClinicAdmin))
        .AddPolicy(FrontDesk, p => p.RequireRole(Roles.FrontDesk, Roles.ClinicAdmin))
        .AddPolicy(Clinician, p => p.RequireRole(Roles.Therapist, Roles.ClinicAdmin))
        .AddPolicy(ClinicAdmin, p => p.RequireRole(Roles.ClinicAdmin))
        .AddPolicy(Reporting, p => p.RequireRole(Roles.ClinicAdmin, Roles.Manager))
        .AddPolicy(LocationReaders, p => p.RequireRole(Roles.FrontDesk, Roles.Therapist, Roles.ClinicAdmin, Roles.Manager))
        .AddPolicy(OutcomeReaders, p => p.RequireRole(Roles.Therapist, Roles.ClinicAdmin, Roles.Manager))
        .AddPolicy(Operations, p => p.RequireRole(Roles.Ops, Roles.ClinicAdmin))
        .AddPolicy(ReferralSubmitter, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.ReferringPhysician) || c.User.IsInRole(Roles.FrontDesk) || c.User.IsInRole(Roles.ClinicAdmin)
            || (c.User.IsInRole(Roles.IntegrationClient) && c.User.HasScope(SystemScopes.ServiceRequestWrite))))
        .AddPolicy(ReferralReader, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.ReferringPhysician) || c.User.IsInRole(Roles.FrontDesk)
            || c.User.IsInRole(Roles.Therapist) || c.User.IsInRole(Roles.ClinicAdmin)
            || (c.User.IsInRole(Roles.IntegrationClient) && c.User.HasScope(SystemScopes.ServiceRequestRead))));
}
