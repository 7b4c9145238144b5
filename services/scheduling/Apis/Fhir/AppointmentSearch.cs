using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis.Fhir;

/// <summary>Searching the visits of the referrals the system submitted.</summary>
public static class AppointmentSearch
{
    private const string Type = "Appointment";

    public static async Task<Results<FhirResult, ProblemHttpResult>> SearchAsync(HttpContext http, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, Type);
        var patient = search.Reference("patient", "Patient");
        var referral = search.Reference("based-on", "ServiceRequest");
        var practitioner = search.Reference("practitioner", "Practitioner");
        var location = search.Reference("location", "Location");
        var dates = search.Dates("date");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        var appointments = scope.SubmittedAppointments.AsNoTracking();
        appointments = appointments.WhereGiven(FhirReferences.AsGuid(search.Single("_id")), appointmentId => a => a.Id == appointmentId);
        appointments = appointments.WhereGiven(FhirReferences.AsGuid(referral), referralId => a => a.ReferralId == referralId);
        appointments = appointments.WhereGiven(FhirReferences.AsGuid(practitioner), therapistId => a => a.TherapistId == therapistId);
        appointments = appointments.WhereGiven(FhirReferences.AsGuid(location), locationId => a => a.LocationId == locationId);

        if (FhirReferences.AsGuid(patient) is { } patientId)
        {
            // The patient is inside the referral copy's JSON (web casing), so it is matched in SQL.
            var text = patientId.ToString();
            var ofPatient = db.Referrals.FromSql($"SELECT * FROM referrals WHERE patient->>'patientId' = {text}").Select(r => r.Id);
            var referrals = scope.SubmittedReferrals.Where(r => ofPatient.Contains(r.Id)).Select(r => r.Id);
            appointments = appointments.Where(a => referrals.Contains(a.ReferralId));
        }
        appointments = appointments.Within(dates, a => a.StartsAt);

        if (search.Single("status") is { } status)
        {
            var statuses = Enum.GetValues<AppointmentStatus>().Where(s => AppointmentMapping.ToFhirStatus(s).ToString().Equals(status, StringComparison.OrdinalIgnoreCase)).ToList();
            appointments = appointments.Where(a => statuses.Contains(a.Status));
        }

        var total = await appointments.CountAsync(ct);
        var page = await appointments.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Skip(search.Skip).Take(search.Count).ToListAsync(ct);
        var referralIds = page.Select(a => a.ReferralId).Distinct().ToList();
        var copies = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return FhirResult.Ok(search.Bundle(total,
            page.Select(a => (Resource)AppointmentMapping.ToFhir(a, copies.GetValueOrDefault(a.ReferralId)))));
    }
}
