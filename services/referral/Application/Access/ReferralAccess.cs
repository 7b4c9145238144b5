using System.Linq.Expressions;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.Referral.Api.Domain.Submission;
using MedMassage.ServiceDefaults.Identity;

namespace MedMassage.Referral.Api.Application.Access;

/// <summary>
/// The one place that decides which referrals a caller may submit, read and change, from the validated token
/// (<see cref="ICurrentUser"/>), never from request headers. A referral outside a caller's view answers 404 as a
/// single record and is left out of lists, so its existence is not disclosed.
/// <list type="bullet">
/// <item>Clinic staff (front desk, therapists, clinic admins) read the referrals of their locations; the front desk
/// and clinic admins also decide on them. A referral sent without a location is for the chain to place wherever
/// suits the patient, so every clinic's staff see it (as scheduling does).</item>
/// <item>A referring physician reads the referrals that carry their NPI, and submits only under it.</item>
/// <item>An integrated system (scope <c>system/ServiceRequest.read</c>) reads the referrals it submitted.</item>
/// <item>The front desk and clinic admins submit for the locations they work at; physicians and integrated
/// systems for any location, since the office chooses the clinic.</item>
/// </list>
/// </summary>
public sealed class ReferralAccess(ICurrentUser user)
{
    private Expression<Func<Domain.Referral, bool>>? _readable;
    private Expression<Func<Domain.Referral, bool>>? _manageable;

    /// <summary>Who is submitting, as the referral records it.</summary>
    public Submitter Submitter => new(user.Id, user.Name, user.Role, user.ClientId);

    public IQueryable<Domain.Referral> Readable(IQueryable<Domain.Referral> referrals) => referrals.Where(_readable ??= BuildReadable());

    /// <summary>Referrals the caller may accept, reject, hold, resume, cancel or record clearances on.</summary>
    public IQueryable<Domain.Referral> Manageable(IQueryable<Domain.Referral> referrals) => referrals.Where(_manageable ??= BuildManageable());

    /// <summary>
    /// Referrals the caller may revoke or put on hold as the one who asked for them: the system that submitted it
    /// (FHIR ServiceRequest update), with the write scope.
    /// </summary>
    public IQueryable<Domain.Referral> RevocableBySubmitter(IQueryable<Domain.Referral> referrals)
    {
        var client = user.IntegratedSystem(SystemScopes.ServiceRequestWrite);
        var integration = Roles.IntegrationClient;
        return referrals.Where(r => client != null && r.SubmitterRole == integration && r.SubmitterClientId == client);
    }

    /// <summary>Patients a system registered itself (FHIR Patient create); no one else's.</summary>
    public IQueryable<RegisteredPatient> RegisteredPatients(IQueryable<RegisteredPatient> patients)
    {
        var client = user.IntegratedSystem();
        return patients.Where(p => client != null && p.ClientId == client);
    }

    /// <summary>The system registering patients, or null for anyone else.</summary>
    public string? RegisteringClient => user.IntegratedSystem();

    /// <summary>A clinic admin reviews the audit trail of the referrals their locations see.</summary>
    public IQueryable<ReferralAuditEntry> AuditTrail(IQueryable<ReferralAuditEntry> entries)
    {
        if (!user.IsInRole(Roles.ClinicAdmin))
        {
            return entries.Where(e => false);
        }
        var locations = user.Locations.ToList();
        return entries.Where(e => e.LocationId == null || locations.Contains(e.LocationId.Value));
    }

    /// <summary>Why the caller may not submit this referral, or null when they may.</summary>
    public string? RefusalToSubmit(ReferralContent content)
    {
        if (user.IsInRole(Roles.IntegrationClient) && user.HasScope(SystemScopes.ServiceRequestWrite))
        {
            return null;
        }
        if (user.IsInRole(Roles.ReferringPhysician))
        {
            return user.Npi is { } npi && npi == content.Physician.Npi
                ? null
                : $"A referring physician submits referrals under their own NPI ({user.Npi ?? "none in the token"}), not {content.Physician.Npi}.";
        }
        if (user.IsInRole(Roles.FrontDesk) || user.IsInRole(Roles.ClinicAdmin))
        {
            return content.LocationId is { } location && user.WorksAt(location)
                ? null
                : "The front desk and clinic admins submit referrals for a location they work at; name one of the locations in your token as locationId.";
        }
        return "This caller may not submit referrals.";
    }

    private Expression<Func<Domain.Referral, bool>> BuildReadable()
    {
        var staff = user.IsLocationBound();
        var locations = user.Locations.ToList();
        var npi = user.IsInRole(Roles.ReferringPhysician) ? user.Npi : null;
        var client = user.IntegratedSystem(SystemScopes.ServiceRequestRead);
        var integration = Roles.IntegrationClient;
        return r => (staff && (r.LocationId == null || locations.Contains(r.LocationId.Value)))
            || (npi != null && r.PhysicianNpi == npi)
            || (client != null && r.SubmitterRole == integration && r.SubmitterClientId == client);
    }

    private Expression<Func<Domain.Referral, bool>> BuildManageable()
    {
        if (!user.IsInRole(Roles.FrontDesk) && !user.IsInRole(Roles.ClinicAdmin))
        {
            return r => false;
        }
        var locations = user.Locations.ToList();
        return r => r.LocationId == null || locations.Contains(r.LocationId.Value);
    }
}
