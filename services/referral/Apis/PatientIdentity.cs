using MedMassage.Referral.Api.Apis.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Apis;

/// <summary>
/// Patients are identified by the system, never by the caller's say-so: a submission naming a patient id must name one
/// the caller may already see (on a referral it may read, or registered by its own system); without one, the patient
/// of a readable referral with the same name and birth date is taken (the duplicate check's rule), else a new id.
/// A front desk can no longer attach itself to another location's patient by copying an id.
/// </summary>
public static class PatientIdentity
{
    public const string UnknownPatient = "Not a patient you can see; leave the id out and one is assigned.";

    /// <summary>The submission with the patient's id decided, or the error for the id it named.</summary>
    public static async Task<(SubmitReferral Request, string? Error)> ResolveAsync(SubmitReferral request, ReferralServices services, CancellationToken ct)
    {
        if (request.Patient is not { } patient)
        {
            return (request, null);
        }
        if (patient.Id is { } named)
        {
            return await VisibleAsync(named, services, ct) ? (request, null) : (request, UnknownPatient);
        }
        if (patient.FirstName is null || patient.LastName is null || patient.DateOfBirth is null)
        {
            return (request, null); // validation names what is missing
        }
        var key = $"{patient.FirstName.Trim().ToUpperInvariant()}|{patient.LastName.Trim().ToUpperInvariant()}|{patient.DateOfBirth:yyyy-MM-dd}";
        var known = await services.Access.Readable(services.Db.Referrals).AsNoTracking()
            .Where(r => r.PatientKey == key).OrderByDescending(r => r.ReceivedAt).Select(r => r.Patient).FirstOrDefaultAsync(ct);
        return (known is null ? request : request with { Patient = patient with { Id = known.Id } }, null);
    }

    private static async Task<bool> VisibleAsync(Guid id, ReferralServices services, CancellationToken ct)
    {
        if (await services.Access.RegisteredPatients(services.Db.RegisteredPatients).AnyAsync(p => p.Id == id, ct))
        {
            return true;
        }
        return await services.ReadableOfPatient(id.ToString()).AnyAsync(ct);
    }
}
