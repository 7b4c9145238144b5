using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.Referral.Api.Infrastructure.Idempotency;
using MedMassage.Referral.Api.Infrastructure.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedMassage.Referral.Api.Apis;

/// <summary>
/// Receiving a referral: validation, whether the caller may submit it, the duplicate check, and Idempotency-Key
/// handling. The key's record and the audit entry are written in the same transaction as the referral, so a retry
/// finds either all or nothing.
/// </summary>
public sealed class ReferralSubmissions(IHttpContextAccessor http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Results<Created<ReferralDetails>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        SubmitReferral request, string? idempotencyKey, ReferralServices services, CancellationToken ct)
    {
        var db = services.Db;
        var owner = services.Access.Submitter.Id;
        var fingerprint = Fingerprint(request);
        if (idempotencyKey is not null
            && await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Owner == owner && r.Key == idempotencyKey, ct) is { } earlier)
        {
            return await ReplayAsync(earlier, fingerprint, services, ct);
        }

        var now = services.Time.GetUtcNow();
        (request, var patientError) = await PatientIdentity.ResolveAsync(request, services, ct);
        var errors = ReferralValidator.Validate(request, DateOnly.FromDateTime(now.UtcDateTime), out var content);
        if (patientError is not null)
        {
            errors.Add("patient.id", patientError);
        }
        if (errors.Any || content is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The referral is not valid.");
        }
        if (services.Access.RefusalToSubmit(content) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not submit this referral", detail: refusal);
        }

        var since = now - Domain.Referral.DuplicateWindow;
        // Compared with every referral, so staff who may see both are told; each reader is shown the flag only when
        // they may read the earlier referral too (ReadableDuplicatesAsync), the submitter included.
        var candidates = await db.Referrals.AsNoTracking()
            .Where(r => r.PatientKey == content.Patient.Key && r.PhysicianNpi == content.Physician.Npi && r.ReceivedAt >= since)
            .ToListAsync(ct);
        var reference = await db.NextAsync(ct);
        var referral = Domain.Referral.Receive(Guid.CreateVersion7(now), reference, content, candidates, services.Access.Submitter, now);
        db.Referrals.Add(referral);
        services.Audit.Record(referral, ReferralAuditActions.Submit);
        var details = referral.ToDetails(await services.ReadableDuplicatesAsync([referral], ct));
        if (idempotencyKey is not null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(owner, idempotencyKey, fingerprint, referral.Id, JsonSerializer.Serialize(details, Json), now));
        }

        try
        {
            await services.SaveAsync(referral, ct);
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same key raced us and won: answer as its retry.
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking().FirstAsync(r => r.Owner == owner && r.Key == idempotencyKey, ct);
            return await ReplayAsync(winner, fingerprint, services, ct);
        }

        http.HttpContext?.Response.Headers.ETag = ETags.For(referral.Version);
        return TypedResults.Created($"/api/referrals/{referral.Id}", details);
    }

    private async Task<Results<Created<ReferralDetails>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        IdempotencyRecord record, string fingerprint, ReferralServices services, CancellationToken ct)
    {
        if (record.Fingerprint != fingerprint)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used for a different request; use a new key for a new referral.");
        }
        var details = JsonSerializer.Deserialize<ReferralDetails>(record.Response, Json)!;
        services.Audit.Record(details.Id, details.LocationId, ReferralAuditActions.SubmitReplayed);
        await services.Db.SaveChangesAsync(ct);
        http.HttpContext?.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created($"/api/referrals/{record.ReferralId}", details);
    }

    private static string Fingerprint(SubmitReferral request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json))));
}
