using Hl7.Fhir.Model;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.Fhir;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis.Fhir;

using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>
/// FHIR CarePlan: a referral's plan of care at its latest version (meta.versionId), with its techniques, frequency,
/// goals and the physician's certification.
/// </summary>
public static class CarePlanFhirApi
{
    private const string Type = "CarePlan";

    public static IEndpointRouteBuilder MapCarePlanFhirApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapFhirResource(Type);
        api.MapGet("/{id}", ReadAsync).WithName("FhirReadCarePlan").WithSummary("A plan of care (FHIR)")
            .WithDescription("The newest version of a treatment plan of a referral this system sent (`system/CarePlan.read`); 404 for any other.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        api.MapGet("/", SearchAsync).WithName("FhirSearchCarePlan").WithSummary("Search plans of care (FHIR)")
            .WithDescription("The plans of the referrals this system sent, by `patient`, `based-on` (the ServiceRequest) and `_id`, as a paged searchset Bundle.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "A search parameter CarePlan does not support, or a malformed value.");
        return app;
    }

    public static async Task<FhirAnswer> ReadAsync(string id, [AsParameters] ClinicalServices services, CancellationToken ct)
    {
        var found = Guid.TryParse(id, out var planId) ? await LoadAsync(services, p => p.Id == planId, ct) : [];
        return found.Count == 1 ? FhirResult.Ok(found[0]) : FhirProblems.NotFound(Type, id);
    }

    public static async Task<FhirAnswer> SearchAsync(HttpContext http, [AsParameters] ClinicalServices services, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, Type);
        var patient = search.Reference("patient", "Patient");
        var referral = search.Reference("based-on", "ServiceRequest");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        var found = (await LoadAsync(services, _ => true, ct))
            .Where(p => patient is null || p.Subject!.Reference == $"Patient/{patient}")
            .Where(p => referral is null || p.BasedOn.Any(b => b.Reference == $"ServiceRequest/{referral}"))
            .Where(p => search.Single("_id") is not { } id || p.Id == id)
            .ToList();
        return FhirResult.Ok(search.Bundle(found));
    }

    private static async Task<List<CarePlan>> LoadAsync(ClinicalServices services, System.Linq.Expressions.Expression<Func<TreatmentPlan, bool>> which, CancellationToken ct)
    {
        var referrals = services.Scope.SubmittedReferrals;
        var versions = await services.Db.TreatmentPlans.AsNoTracking().Where(p => referrals.Any(r => r.Id == p.ReferralId)).Where(which).ToListAsync(ct);
        var latest = versions.GroupBy(p => p.Id).Select(g => g.MaxBy(p => p.Version)!).OrderBy(p => p.CreatedAt).ToList();
        var referralIds = latest.Select(p => p.ReferralId).Distinct().ToList();
        var patients = await referrals.Where(r => referralIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.PatientId, ct);
        foreach (var plan in latest)
        {
            services.Audit.Record(RecordTypes.TreatmentPlan, plan.Id, plan.ReferralId, AuditActions.Read);
        }

        await services.Db.SaveChangesAsync(ct);
        return [.. latest.Select(p => ToFhir(p, patients[p.ReferralId]))];
    }

    public static CarePlan ToFhir(TreatmentPlan plan, Guid patientId)
    {
        var terms = plan.Terms;
        var fhir = new CarePlan
        {
            Id = plan.Id.ToString(),
            Meta = new Meta { VersionId = plan.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), LastUpdated = plan.ActivatedAt ?? plan.CreatedAt },
            Status = plan.Status switch
            {
                PlanStatus.Draft => RequestStatus.Draft,
                PlanStatus.Active => RequestStatus.Active,
                _ => RequestStatus.Revoked,
            },
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = $"Medical massage plan of care, version {plan.Version}",
            Description = $"{terms.SessionsPerWeek} sessions a week for {terms.Weeks} weeks ({terms.VisitCount} visits) to {string.Join(", ", terms.BodyRegions)}."
                + (plan.LatestCertification is { } c ? $" Certified by {c.CertifiedBy} on {c.CertifiedAt:yyyy-MM-dd}." : " Not yet certified by the physician."),
            Subject = new ResourceReference(FhirReferences.To("Patient", patientId)),
            BasedOn = [new ResourceReference(FhirReferences.To("ServiceRequest", plan.ReferralId))],
            Created = plan.CreatedAt.ToString("o"),
            Period = new Period { Start = (plan.ActivatedAt ?? plan.CreatedAt).ToString("o") },
        };
        fhir.Note.AddRange(terms.Goals.Select(g => new Annotation { Text = $"Goal: {g.Description} ({g.Metric} {g.Target})" }));
        fhir.Activity.AddRange(terms.Techniques.Select(t => new CarePlan.ActivityComponent
        {
            Detail = new CarePlan.DetailComponent
            {
                Code = new CodeableConcept(FhirSystems.Technique, t),
                Status = plan.Status == PlanStatus.Active ? CarePlan.CarePlanActivityStatus.InProgress : CarePlan.CarePlanActivityStatus.NotStarted,
                Scheduled = new Timing { Repeat = new Timing.RepeatComponent { Frequency = terms.SessionsPerWeek, Period = 1, PeriodUnit = Timing.UnitsOfTime.Wk } },
            },
        }));
        return fhir;
    }
}
