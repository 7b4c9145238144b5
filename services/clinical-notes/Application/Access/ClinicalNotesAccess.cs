using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Documents;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;

namespace MedMassage.ClinicalNotes.Api.Application.Access;

/// <summary>
/// The one place that decides which clinical records a caller may see and change. Every record belongs to its
/// referral, and a referral belongs to the location it was sent to (or, sent to none, to the locations where it is
/// booked). Clinic staff see the referrals of the locations in their token; a referring physician sees their own
/// patients' referrals (by NPI) and a system the referrals it submitted, and the policies let those two read nothing
/// but the reports. Endpoints read through these
/// sets, so a record out of scope answers exactly like an unknown one (404) and lists leave it out.
/// </summary>
public sealed class ClinicalNotesAccess(ClinicalNotesDbContext db, ICurrentUser user)
{
    private readonly Guid[] _locations = user.IsLocationBound() ? [.. user.Locations.Distinct()] : [];
    private readonly string? _npi = user.IsInRole(Roles.ReferringPhysician) && !string.IsNullOrWhiteSpace(user.Npi) ? user.Npi : null;
    private readonly string? _submitter = user.IntegratedSystem(SystemScopes.DiagnosticReportRead);

    /// <summary>The locations whose records the caller works with (none for roles not bound to a location).</summary>
    public IReadOnlyList<Guid> Locations => _locations;

    public bool Covers(Guid locationId) => _locations.Contains(locationId);

    public IQueryable<CareReferral> Referrals
    {
        get
        {
            // Locals, so the query carries values, not this instance.
            var locations = _locations;
            var npi = _npi;
            var submitter = _submitter;
            var appointments = db.Appointments;
            return db.Referrals.Where(r =>
                (r.LocationId != null && locations.Contains(r.LocationId.Value))
                || (r.LocationId == null && appointments.Any(a => a.ReferralId == r.Id && locations.Contains(a.LocationId)))
                || (npi != null && r.PhysicianNpi == npi)
                || (submitter != null && r.SubmitterClientId == submitter));
        }
    }

    /// <summary>
    /// Over FHIR an integrated system reads the records of the referrals it submitted; which kinds of record, its scopes
    /// decide per endpoint. Nobody else has any here.
    /// </summary>
    public IQueryable<CareReferral> SubmittedReferrals
    {
        get
        {
            var system = user.IntegratedSystem();
            return db.Referrals.Where(r => system != null && r.SubmitterClientId == system);
        }
    }

    /// <summary>Visits are documented where the caller works: appointments at their locations.</summary>
    public IQueryable<ClinicAppointment> Appointments
    {
        get
        {
            var locations = _locations;
            return db.Appointments.Where(a => locations.Contains(a.LocationId));
        }
    }

    public IQueryable<Evaluation> Evaluations
    {
        get
        {
            var referrals = Referrals;
            return db.Evaluations.Where(e => referrals.Any(r => r.Id == e.ReferralId));
        }
    }

    public IQueryable<TreatmentPlan> TreatmentPlans
    {
        get
        {
            var referrals = Referrals;
            return db.TreatmentPlans.Where(p => referrals.Any(r => r.Id == p.ReferralId));
        }
    }

    public IQueryable<VisitNote> VisitNotes
    {
        get
        {
            var referrals = Referrals;
            return db.VisitNotes.Where(n => referrals.Any(r => r.Id == n.ReferralId));
        }
    }

    public IQueryable<ClinicalDocument> Documents
    {
        get
        {
            var referrals = Referrals;
            return db.Documents.Where(d => referrals.Any(r => r.Id == d.ReferralId));
        }
    }

    /// <summary>Audit entries of the referrals in scope: an admin reviews who touched their locations' records.</summary>
    public IQueryable<ClinicalAuditEntry> AuditEntries
    {
        get
        {
            var referrals = Referrals;
            return db.AuditEntries.Where(e => e.ReferralId != null && referrals.Any(r => r.Id == e.ReferralId));
        }
    }
}
