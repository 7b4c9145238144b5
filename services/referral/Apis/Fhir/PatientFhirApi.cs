using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using DomainPatient = MedMassage.Referral.Api.Domain.Patient;

namespace MedMassage.Referral.Api.Apis.Fhir;

using MedMassage.Referral.Api.Apis.Contracts;
using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>
/// FHIR Patient: a hospital system registers a patient before referring them (conditional create on its identifier),
/// and reads the patients it registered or referred. The same rules as a submission's patient apply.
/// </summary>
public static class PatientFhirApi
{
    private const string Type = "Patient";
    private const int MaxSearched = 1000;

    public static IEndpointRouteBuilder MapPatientFhirApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapFhirResource(Type);
        api.MapPost("/", CreateAsync).RequireFhirWrite(Type).WithName("FhirCreatePatient")
            .WithSummary("Register a patient (FHIR)")
            .WithDescription("Needs the hospital's identifier; with `If-None-Exist: identifier=system|value`, or simply sent again, the patient already registered under it is returned.")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, "Not a Patient, or an `If-None-Exist` other than `identifier=system|value`.")
            .Refuses(StatusCodes.Status422UnprocessableEntity, "Not a valid patient (each problem an issue), or no identifier of the hospital's.");
        api.MapGet("/{id}", ReadAsync).WithName("FhirReadPatient").WithSummary("A patient (FHIR)")
            .WithDescription("A patient this system registered, or the patient of a referral it may read (`system/Patient.read`); 404 otherwise.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        api.MapGet("/", SearchAsync).WithName("FhirSearchPatient").WithSummary("Search patients (FHIR)")
            .WithDescription("Among the patients this system registered or referred.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "A search parameter Patient does not support, or a malformed value.");
        return app;
    }

    /// <summary>A patient the caller registered, or the patient of a referral the caller may read.</summary>
    public static async Task<DomainPatient?> FindAsync(Guid id, ReferralServices services, CancellationToken ct)
    {
        var registered = await services.Access.RegisteredPatients(services.Db.RegisteredPatients).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (registered is not null)
        {
            return registered.Patient;
        }
        var referral = await services.ReadableOfPatient(id.ToString()).AsNoTracking().OrderByDescending(r => r.ReceivedAt).FirstOrDefaultAsync(ct);
        if (referral is not null)
        {
            await services.Audit.SaveReadsAsync([referral], ReferralAuditActions.Read, ct);
        }
        return referral?.Patient;
    }

    public static async Task<FhirAnswer> CreateAsync(HttpContext http, ReferralServices services, CancellationToken ct)
    {
        var (fhir, error) = await FhirJson.ReadAsync<Hl7.Fhir.Model.Patient>(http.Request, ct);
        if (fhir is null)
        {
            return FhirProblems.Invalid(error!);
        }
        if (services.Access.RegisteringClient is not { } client)
        {
            return FhirProblems.Forbidden("Patients are registered by integrated systems.");
        }
        var errors = new FieldErrors();
        var now = services.Time.GetUtcNow();
        var patient = PartyValidator.Patient(PatientMapping.ToInput(fhir, Guid.CreateVersion7(now)), DateOnly.FromDateTime(now.UtcDateTime), errors);
        if (errors.Any || patient is null)
        {
            return FhirProblems.Unprocessable(errors.ToDictionary());
        }
        if (PatientMapping.KeyIdentifier(patient) is not { } identifier)
        {
            return FhirProblems.Unprocessable("The patient needs the hospital's identifier", "Give identifier (system and value): retries and later referrals find the patient by it.");
        }
        var condition = http.Request.Headers["If-None-Exist"].FirstOrDefault();
        if (condition is not null && (QueryHelpers.ParseQuery(condition) is not { Count: 1 } query || !query.ContainsKey("identifier")))
        {
            return FhirProblems.NotSupported("If-None-Exist takes one parameter: identifier=system|value.");
        }
        var key = condition is null ? RegisteredPatient.KeyOf(identifier) : QueryHelpers.ParseQuery(condition)["identifier"].ToString();
        if (await Registered(services, key, ct) is { } existing)
        {
            return FhirResult.Ok(PatientMapping.ToFhir(existing.Patient, existing.RegisteredAt));
        }

        var registration = new RegisteredPatient(client, identifier, patient, now);
        services.Db.RegisteredPatients.Add(registration);
        try
        {
            await services.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            services.Db.ChangeTracker.Clear(); // the same registration raced us and won: answer with it
            var winner = await Registered(services, RegisteredPatient.KeyOf(identifier), ct);
            return FhirResult.Ok(PatientMapping.ToFhir(winner!.Patient, winner.RegisteredAt));
        }
        return FhirResult.Created(http, PatientMapping.ToFhir(patient, now));
    }

    private static Task<RegisteredPatient?> Registered(ReferralServices services, string key, CancellationToken ct) =>
        services.Access.RegisteredPatients(services.Db.RegisteredPatients).AsNoTracking().FirstOrDefaultAsync(p => p.Identifier == key, ct);

    public static async Task<FhirAnswer> ReadAsync(string id, ReferralServices services, CancellationToken ct) =>
        Guid.TryParse(id, out var guid) && await FindAsync(guid, services, ct) is { } patient
            ? FhirResult.Ok(PatientMapping.ToFhir(patient))
            : FhirProblems.NotFound(Type, id);

    public static async Task<FhirAnswer> SearchAsync(HttpContext http, ReferralServices services, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, Type);
        var born = search.Dates("birthdate");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        var registered = await services.Access.RegisteredPatients(services.Db.RegisteredPatients).AsNoTracking()
            .OrderBy(p => p.RegisteredAt).Take(MaxSearched).Select(p => p.Patient).ToListAsync(ct);
        var referred = await services.Access.Readable(services.Db.Referrals).AsNoTracking()
            .OrderByDescending(r => r.ReceivedAt).Take(MaxSearched).ToListAsync(ct);
        var family = search.Single("family");
        var token = search.Token("identifier");
        var id = search.Single("_id");
        var found = registered.Concat(referred.Select(r => r.Patient)).DistinctBy(p => p.Id)
            .Where(p => id is null || p.Id.ToString() == id)
            .Where(p => family is null || p.LastName.StartsWith(family, StringComparison.OrdinalIgnoreCase))
            .Where(p => born is null || born.Contains(new DateTimeOffset(p.DateOfBirth.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))
            .Where(p => token is not { } t || p.Identifiers.Any(i => PatientMapping.Matches($"{i.System}|{i.Value}", t)))
            .ToList();
        await services.Audit.SaveReadsAsync(referred.Where(r => found.Any(p => p.Id == r.Patient.Id)), ReferralAuditActions.Listed, ct);
        return FhirResult.Ok(search.Bundle(found, p => PatientMapping.ToFhir(p)));
    }
}
