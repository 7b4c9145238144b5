using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Referral.Api.Apis.Contracts;

namespace MedMassage.Referral.Api.Apis.Fhir;

/// <summary>
/// A FHIR ServiceRequest read as the same submission the REST API takes; <see cref="ReferralValidator"/> then judges
/// it. Only what FHIR cannot say our way is refused here (a subject that is neither contained nor registered).
/// </summary>
public static class ServiceRequestReading
{
    public static Guid? SubjectId(ServiceRequest request) =>
        request.Subject?.Reference is { } reference && !reference.StartsWith('#') && FhirReferences.TryGuid(reference, "Patient", out var id) ? id : null;

    public static Patient? ContainedSubject(ServiceRequest request) =>
        request.Subject?.Reference is { } reference && reference.StartsWith('#')
            ? request.Contained.OfType<Patient>().FirstOrDefault(p => "#" + p.Id == reference)
            : null;

    /// <param name="patient">The subject: contained, or the registered patient it references.</param>
    public static (SubmitReferral? Submission, string? Error) Read(ServiceRequest request, PatientInput patient)
    {
        if (request.Status is not (RequestStatus.Active or null))
        {
            return (null, "A new referral is sent with status 'active'.");
        }
        if (request.Intent is not (RequestIntent.Order or RequestIntent.OriginalOrder or null))
        {
            return (null, "A referral is an order: intent 'order'.");
        }
        var timing = request.Occurrence as Timing;
        var repeat = timing?.Repeat;
        if (request.Occurrence is not null && timing is null)
        {
            return (null, "occurrenceTiming carries the frequency (repeat.frequency per 1 wk), the count of sessions and the validity (repeat.boundsPeriod).");
        }
        if (repeat is not null && repeat.PeriodUnit is not (null or Timing.UnitsOfTime.Wk) || repeat?.Period is not (null or 1))
        {
            return (null, "occurrenceTiming.repeat gives sessions per week: period 1, periodUnit 'wk'.");
        }
        var bounds = repeat?.Bounds as Period;
        var perWeek = repeat?.Frequency;
        var weeks = repeat?.Count is { } count && perWeek is > 0 ? count / perWeek : null;
        if (repeat?.Count is { } total && perWeek is > 0 && total % perWeek != 0)
        {
            return (null, "occurrenceTiming.repeat.count (all sessions) must be a whole number of weeks at repeat.frequency.");
        }

        var identifier = request.Identifier.FirstOrDefault(i => i.System != FhirSystems.ReferralReference);
        return (new SubmitReferral(
            patient,
            Physician(request),
            [.. request.ReasonCode.SelectMany(c => c.Coding).Where(c => c.System is FhirSystems.Icd10Cm or FhirSystems.Icd10 or null).Select(c => c.Code ?? "")],
            [.. request.OrderDetail.SelectMany(c => c.Coding).Where(c => c.System is FhirSystems.Technique or null).Select(c => c.Code ?? "")],
            [.. request.BodySite.Select(b => b.Coding.FirstOrDefault()?.Code ?? b.Text ?? "")],
            perWeek,
            weeks,
            request.Quantity is Quantity visits ? (int?)visits.Value : null,
            Date(bounds?.Start),
            Date(bounds?.End),
            [],
            Insurance(request),
            request.LocationReference.FirstOrDefault() is { } location && FhirReferences.TryGuid(location.Reference, "Location", out var locationId) ? locationId : null,
            request.Priority switch
            {
                null => null,
                RequestPriority.Routine => "routine",
                _ => "urgent",
            },
            request.Note.Count == 0 ? null : string.Join("\n", request.Note.Select(n => n.Text)),
            identifier is null ? null : new IdentifierInput(identifier.System, identifier.Value)), null);
    }

    // The requester: a contained Practitioner with its NPI, or a reference carrying the NPI as identifier.
    private static PhysicianInput? Physician(ServiceRequest request)
    {
        if (request.Requester is not { } requester)
        {
            return null;
        }
        var practitioner = requester.Reference is { } r && r.StartsWith('#')
            ? request.Contained.OfType<Practitioner>().FirstOrDefault(p => "#" + p.Id == r)
            : null;
        var npi = practitioner?.Identifier.FirstOrDefault(i => i.System == FhirSystems.Npi)?.Value
            ?? (requester.Identifier?.System == FhirSystems.Npi ? requester.Identifier.Value : null);
        var name = practitioner?.Name.FirstOrDefault() is { } n ? n.Text ?? $"{string.Join(' ', n.Given)} {n.Family}".Trim() : requester.Display;
        string? Telecom(ContactPoint.ContactPointSystem system) => practitioner?.Telecom.FirstOrDefault(t => t.System == system)?.Value;
        return new PhysicianInput(name, npi, null, Telecom(ContactPoint.ContactPointSystem.Phone), Telecom(ContactPoint.ContactPointSystem.Fax), Telecom(ContactPoint.ContactPointSystem.Email));
    }

    private static InsuranceInput? Insurance(ServiceRequest request)
    {
        var coverage = request.Insurance.Select(i => i.Reference).Where(r => r?.StartsWith('#') == true)
            .Select(r => request.Contained.OfType<Coverage>().FirstOrDefault(c => "#" + c.Id == r)).FirstOrDefault(c => c is not null);
        return coverage is null ? null : new InsuranceInput(
            coverage.Payor.FirstOrDefault()?.Display,
            coverage.SubscriberId,
            coverage.Identifier.FirstOrDefault()?.Value,
            null);
    }

    private static DateOnly? Date(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", out var date) ? date : null;
}
