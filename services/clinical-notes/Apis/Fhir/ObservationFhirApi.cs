using Hl7.Fhir.Model;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Fhir;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis.Fhir;

using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>FHIR Observation: pain and outcome scores from the signed records of the referrals a system submitted.</summary>
public static class ObservationFhirApi
{
    private const string Type = "Observation";

    public static IEndpointRouteBuilder MapObservationFhirApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapFhirResource(Type);
        api.MapGet("/{id}", ReadAsync).WithName("FhirReadObservation").WithSummary("A pain or outcome score (FHIR)")
            .WithDescription("A pain score or outcome-measure score from a signed evaluation or visit note of a referral this system sent (`system/Observation.read`); 404 for any other.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        api.MapGet("/", SearchAsync).WithName("FhirSearchObservation").WithSummary("Search pain and outcome scores (FHIR)")
            .WithDescription("By `patient`, `based-on` (the ServiceRequest), `code` (LOINC 72514-3 for pain, or an outcome measure) and `date`.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "A search parameter Observation does not support, or a malformed value.");
        return app;
    }

    public static async Task<FhirAnswer> ReadAsync(string id, [AsParameters] ClinicalServices services, CancellationToken ct)
    {
        var suffix = ObservationMapping.Suffixes.Keys.FirstOrDefault(s => id.EndsWith("-" + s, StringComparison.Ordinal));
        if (suffix is null || !Guid.TryParse(id[..^(suffix.Length + 1)], out var recordId))
        {
            return FhirProblems.NotFound(Type, id);
        }
        var referrals = services.Scope.SubmittedReferrals;
        var observations = await LoadAsync(services, referrals, e => e.Id == recordId, n => n.Id == recordId, ct);
        return observations.FirstOrDefault(o => o.Id == id) is { } found ? FhirResult.Ok(found) : FhirProblems.NotFound(Type, id);
    }

    public static async Task<FhirAnswer> SearchAsync(HttpContext http, [AsParameters] ClinicalServices services, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, Type);
        var patient = search.Reference("patient", "Patient");
        var referral = search.Reference("based-on", "ServiceRequest");
        var dates = search.Dates("date");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        var referrals = services.Scope.SubmittedReferrals;
        referrals = referrals.WhereGiven(FhirReferences.AsGuid(patient), patientId => r => r.PatientId == patientId);
        referrals = referrals.WhereGiven(FhirReferences.AsGuid(referral), referralId => r => r.Id == referralId);

        var code = search.Token("code")?.Code;

        var found = (await LoadAsync(services, referrals, _ => true, _ => true, ct))
            .Where(o => code is null || o.Code.Coding.Any(c => c.Code == code))
            .Where(o => dates is null || dates.Contains(((FhirDateTime)o.Effective!).ToDateTimeOffset(TimeSpan.Zero)))
            .Where(o => search.Single("_id") is not { } id || o.Id == id)
            .OrderBy(o => ((FhirDateTime)o.Effective!).ToDateTimeOffset(TimeSpan.Zero)).ThenBy(o => o.Id)
            .ToList();
        return FhirResult.Ok(search.Bundle(found));
    }

    // Signed evaluations and visit notes of the given referrals, every read audited as on REST.
    private static async Task<List<Observation>> LoadAsync(ClinicalServices services, IQueryable<CareReferral> referrals,
        System.Linq.Expressions.Expression<Func<Domain.Evaluations.Evaluation, bool>> evaluation,
        System.Linq.Expressions.Expression<Func<Domain.Notes.VisitNote, bool>> note, CancellationToken ct)
    {
        var evaluations = await services.Db.Evaluations.AsNoTracking().Where(e => e.SignedAt != null && referrals.Any(r => r.Id == e.ReferralId))
            .Where(evaluation).ToListAsync(ct);
        var notes = await services.Db.VisitNotes.AsNoTracking().Where(n => n.SignedAt != null && referrals.Any(r => r.Id == n.ReferralId))
            .Where(note).ToListAsync(ct);
        foreach (var e in evaluations)
        {
            services.Audit.Record(RecordTypes.Evaluation, e.Id, e.ReferralId, AuditActions.Read);
        }

        foreach (var n in notes)
        {
            services.Audit.Record(RecordTypes.VisitNote, n.Id, n.ReferralId, AuditActions.Read);
        }

        await services.Db.SaveChangesAsync(ct);
        return [.. evaluations.SelectMany(ObservationMapping.From), .. notes.SelectMany(ObservationMapping.From)];
    }
}
