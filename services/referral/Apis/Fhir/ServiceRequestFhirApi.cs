using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Apis.Fhir;

using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>
/// FHIR ServiceRequest: a referral submitted, read, searched, revoked or put on hold by the system that sent it. Creating
/// one goes through <see cref="ReferralSubmissions"/>, so validation, the duplicate check and retries behave as on REST;
/// the system's identifier is the retry key, so the same order sent twice is one referral.
/// </summary>
public static class ServiceRequestFhirApi
{
    private const string Type = "ServiceRequest";

    public static IEndpointRouteBuilder MapServiceRequestFhirApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapFhirResource(Type);
        api.MapPost("/", CreateAsync).RequireFhirWrite(Type).WithName("FhirCreateServiceRequest")
            .WithSummary("Refer a patient (FHIR)")
            .WithDescription("A ServiceRequest with its patient contained or as Patient/id, the physician contained with the NPI, ICD-10 reasons. `If-None-Exist: identifier=system|value` returns the referral already made with that identifier.")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, "Not a ServiceRequest, or an `If-None-Exist` other than `identifier=system|value`.")
            .Refuses(StatusCodes.Status412PreconditionFailed, "`If-None-Exist` matches more than one referral.")
            .Refuses(StatusCodes.Status422UnprocessableEntity, "Not a valid referral (each problem an issue), an unknown subject, or a retry that differs from the referral made.");
        api.MapGet("/{id}", ReadAsync).WithName("FhirReadServiceRequest").WithSummary("A referral (FHIR)")
            .WithDescription("A referral this system may read (`system/ServiceRequest.read`), with its current status; 404 for any other, exactly as for one that does not exist.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        api.MapGet("/", ServiceRequestSearch.SearchAsync).WithName("FhirSearchServiceRequest")
            .WithSummary("Search referrals (FHIR)").WithDescription("The referrals this system submitted, as a paged searchset Bundle.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "A search parameter ServiceRequest does not support, or a malformed value.");
        api.MapPut("/{id}", UpdateAsync).RequireFhirWrite(Type).WithName("FhirUpdateServiceRequest")
            .WithSummary("Revoke, hold or resume a referral (FHIR)")
            .WithDescription("Only the status changes: `revoked` cancels it, `on-hold` holds it, `active` resumes it; the last note is the reason. `If-Match` is checked when sent.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "Not a ServiceRequest, or its id is not the one in the address.")
            .Refuses(StatusCodes.Status404NotFound, "No referral this system may change has that id.")
            .Refuses(StatusCodes.Status409Conflict, "The referral cannot change that way now, or was changed at the same time.")
            .Refuses(StatusCodes.Status412PreconditionFailed, "`If-Match` names a version that is not the current one: read it again.")
            .Refuses(StatusCodes.Status422UnprocessableEntity, "A status change a referral does not allow (only revoked, on-hold and active from on-hold).");
        return app;
    }

    public static async Task<FhirAnswer> CreateAsync(HttpContext http, ReferralServices services, ReferralSubmissions submissions, CancellationToken ct)
    {
        var (request, error) = await FhirJson.ReadAsync<ServiceRequest>(http.Request, ct);
        if (request is null)
        {
            return FhirProblems.Invalid(error!);
        }
        if (http.Request.Headers["If-None-Exist"].FirstOrDefault() is { } condition)
        {
            var query = QueryHelpers.ParseQuery(condition);
            if (query.Count != 1 || !query.TryGetValue("identifier", out var wanted) || wanted.Count != 1)
            {
                return FhirProblems.NotSupported("If-None-Exist takes one parameter: identifier=system|value.");
            }
            var matches = await ServiceRequestSearch.ByIdentifier(services, wanted[0]!).Take(2).ToListAsync(ct);
            if (matches.Count > 1)
            {
                return FhirProblems.PreconditionFailed("More than one referral has that identifier.");
            }
            if (matches.Count == 1)
            {
                await services.Audit.SaveReadsAsync(matches, ReferralAuditActions.Read, ct);
                return FhirResult.Ok(ServiceRequestMapping.ToFhir(matches[0]));
            }
        }

        var patient = await SubjectAsync(request, services, ct);
        if (patient.Input is null)
        {
            return FhirProblems.Unprocessable("The subject is not known", patient.Error!);
        }
        var (submission, refusal) = ServiceRequestReading.Read(request, patient.Input);
        if (submission is null)
        {
            return FhirProblems.Unprocessable("The ServiceRequest cannot be a referral", refusal!);
        }
        var key = submission.Identifier is { } identifier ? $"fhir-identifier:{identifier.System}|{identifier.Value}" : null;
        var submitted = await submissions.SubmitAsync(submission, key, services, ct);
        return submitted.Result switch
        {
            Created<ReferralDetails> created => await CreatedAsync(http, created.Value!.Id, services, ct),
            ValidationProblem invalid => FhirProblems.Unprocessable(invalid.ProblemDetails.Errors),
            ProblemHttpResult problem => FhirProblems.From(problem.ProblemDetails),
            _ => throw new InvalidOperationException("Unexpected submission result."),
        };
    }

    private static async Task<FhirAnswer> CreatedAsync(HttpContext http, Guid id, ReferralServices services, CancellationToken ct)
    {
        var referral = await services.Db.Referrals.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return FhirResult.Created(http, ServiceRequestMapping.ToFhir(referral));
    }

    // The subject is contained, or a patient this system registered (or already referred).
    private static async Task<(PatientInput? Input, string? Error)> SubjectAsync(ServiceRequest request, ReferralServices services, CancellationToken ct)
    {
        if (ServiceRequestReading.ContainedSubject(request) is { } contained)
        {
            return (PatientMapping.ToInput(contained), null);
        }
        if (ServiceRequestReading.SubjectId(request) is not { } id)
        {
            return (null, "subject must reference a contained Patient (#id) or a Patient this system created (Patient/id).");
        }
        var known = await PatientFhirApi.FindAsync(id, services, ct);
        return known is null
            ? (null, $"Patient/{id} is not known; create it first or contain it.")
            : (PatientMapping.ToInput(PatientMapping.ToFhir(known), id), null);
    }

    public static async Task<FhirAnswer> ReadAsync(string id, ReferralServices services, CancellationToken ct)
    {
        var referral = Guid.TryParse(id, out var guid)
            ? await services.Access.Readable(services.Db.Referrals).AsNoTracking().FirstOrDefaultAsync(r => r.Id == guid, ct)
            : null;
        if (referral is null)
        {
            return FhirProblems.NotFound(Type, id);
        }
        await services.Audit.SaveReadsAsync([referral], ReferralAuditActions.Read, ct);
        return FhirResult.Ok(ServiceRequestMapping.ToFhir(referral));
    }

    public static async Task<FhirAnswer> UpdateAsync(string id, HttpContext http, ReferralServices services, CancellationToken ct)
    {
        var (request, error) = await FhirJson.ReadAsync<ServiceRequest>(http.Request, ct);
        if (request is null)
        {
            return FhirProblems.Invalid(error!);
        }
        if (request.Id != id)
        {
            return FhirProblems.Invalid($"The resource's id ({request.Id ?? "none"}) must be the one in the address ({id}).");
        }
        var referral = Guid.TryParse(id, out var guid)
            ? await services.Access.RevocableBySubmitter(services.Db.Referrals).Include(r => r.History).FirstOrDefaultAsync(r => r.Id == guid, ct)
            : null;
        if (referral is null)
        {
            return FhirProblems.NotFound(Type, id);
        }
        if (http.Request.IfMatchVersion() is { } version && version != referral.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return FhirProblems.PreconditionFailed($"If-Match names version {version}; the referral is at {referral.Version}. Read it again.");
        }
        var reason = request.Note.LastOrDefault()?.Text ?? "Changed by the referring system";
        var current = ServiceRequestMapping.ToFhirStatus(referral.Status);
        var now = services.Time.GetUtcNow();
        try
        {
            switch (request.Status)
            {
                case var same when same == current:
                    return FhirResult.Ok(ServiceRequestMapping.ToFhir(referral));
                case RequestStatus.Revoked:
                    referral.Cancel(reason, services.Actor, now);
                    services.Audit.Record(referral, ReferralAuditActions.Cancel);
                    break;
                case RequestStatus.OnHold:
                    referral.PutOnHold(reason, services.Actor, now);
                    services.Audit.Record(referral, ReferralAuditActions.Hold);
                    break;
                case RequestStatus.Active when current == RequestStatus.OnHold:
                    referral.Resume(services.Actor, now);
                    services.Audit.Record(referral, ReferralAuditActions.Resume);
                    break;
                default:
                    return FhirProblems.Unprocessable("Not a change a referral allows", $"A referral that is {current.ToString().ToLowerInvariant()} cannot be updated to {request.Status?.ToString().ToLowerInvariant() ?? "no status"}; only revoked, on-hold and active (from on-hold) are accepted.");
            }
            await services.SaveAsync(referral, ct);
        }
        catch (RuleViolation violation)
        {
            return FhirProblems.Conflict("The referral cannot change that way", violation.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FhirProblems.Conflict("The referral was changed at the same time", "Read it again and decide again.");
        }
        return FhirResult.Ok(ServiceRequestMapping.ToFhir(referral));
    }
}
