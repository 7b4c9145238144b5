using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis.Fhir;

/// <summary>Searching the visits of the referrals the system submitted.</summary>
public static class AppointmentSearch
{
    private const string Type = "Appointment";

    public static async Task<Results<FhirResult, ProblemHttpResult>> SearchAsync(HttpContext http, SchedulingAccess scope, SchedulingDbContext db, CancellationToken ct)
    {
        var (search, error) = FhirSearch.Read(http.Request, FhirCatalogue.Get(Type));
        if (search is null)
        {
            return FhirProblems.Invalid(error!);
        }
        var (patient, patientError) = search.Reference("patient", "Patient");
        var (referral, referralError) = search.Reference("based-on", "ServiceRequest");
        var (practitioner, practitionerError) = search.Reference("practitioner", "Practitioner");
        var (location, locationError) = search.Reference("location", "Location");
        var (dates, datesError) = search.Dates("date");
        if ((patientError ?? referralError ?? practitionerError ?? locationError ?? datesError) is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        Guid? Id(string? text) => text is null ? null : Guid.TryParse(text, out var id) ? id : Guid.Empty;

        var appointments = scope.SubmittedAppointments.AsNoTracking();
        if (Id(search.Single("_id")) is { } appointmentId)
        {
            appointments = appointments.Where(a => a.Id == appointmentId);
        }

        if (Id(referral) is { } referralId)
        {
            appointments = appointments.Where(a => a.ReferralId == referralId);
        }

        if (Id(practitioner) is { } therapistId)
        {
            appointments = appointments.Where(a => a.TherapistId == therapistId);
        }

        if (Id(location) is { } locationId)
        {
            appointments = appointments.Where(a => a.LocationId == locationId);
        }

        if (Id(patient) is { } patientId)
        {
            // The patient is inside the referral copy's JSON (web casing), so it is matched in SQL.
            var text = patientId.ToString();
            var ofPatient = db.Referrals.FromSql($"SELECT * FROM referrals WHERE patient->>'patientId' = {text}").Select(r => r.Id);
            var referrals = scope.SubmittedReferrals.Where(r => ofPatient.Contains(r.Id)).Select(r => r.Id);
            appointments = appointments.Where(a => referrals.Contains(a.ReferralId));
        }
        if (dates?.From is { } from)
        {
            appointments = appointments.Where(a => a.StartsAt >= from);
        }

        if (dates?.To is { } to)
        {
            appointments = appointments.Where(a => a.StartsAt < to);
        }

        if (search.Single("status") is { } status)
        {
            var statuses = Enum.GetValues<AppointmentStatus>().Where(s => AppointmentMapping.ToFhirStatus(s).ToString().Equals(status, StringComparison.OrdinalIgnoreCase)).ToList();
            appointments = appointments.Where(a => statuses.Contains(a.Status));
        }

        var total = await appointments.CountAsync(ct);
        var page = await appointments.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Skip(search.Skip).Take(search.Count).ToListAsync(ct);
        var referralIds = page.Select(a => a.ReferralId).Distinct().ToList();
        var copies = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return FhirResult.Ok(search.Bundle(http.Request, Type, total,
            page.Select(a => (Resource)AppointmentMapping.ToFhir(a, copies.GetValueOrDefault(a.ReferralId)))));
    }
}
