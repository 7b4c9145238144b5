using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Domain.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Apis;

public sealed record PatientReferral(Guid Id, string Reference, string Status, Guid? LocationId);

public sealed record PatientMatch(string FirstName, string LastName, DateOnly DateOfBirth, string? Phone, IReadOnlyList<PatientReferral> Referrals);

/// <summary>
/// The front desk finds a patient among the referrals they may read: by part of the name, the date of birth, the phone
/// number or a referral's reference. A patient is who the duplicate check says is the same person (name and birth date).
/// </summary>
public static class PatientSearch
{
    public const int MaxPatients = 50;

    public static async Task<Results<Ok<List<PatientMatch>>, ValidationProblem>> FindAsync(string? q, ReferralServices services, CancellationToken ct)
    {
        var term = q?.Trim() ?? "";
        if (term.Length is < 2 or > 100 || term.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["Give 2 to 100 printable characters: a name, a date of birth (yyyy-mm-dd), a phone number or a reference."] });
        }
        // xmin is the row version EF reads (a system column, not in *). The patient key is "FIRST|LAST|yyyy-mm-dd" upper-cased; LIKE's own wildcards in the term are taken literally.
        var escaped = term.ToUpperInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var name = $"%{escaped}%";
        var fullName = $"%{escaped.Replace(' ', '|')}%";
        var digits = new string([.. term.Where(char.IsAsciiDigit)]);
        // A number matches on its last digits, with or without the country code.
        var phone = digits.Length >= 7 ? $"%{digits}" : "-";
        var candidates = services.Db.Referrals.FromSql($"""
            SELECT *, xmin FROM referrals
            WHERE patient_key LIKE {name} OR patient_key LIKE {fullName} OR upper(reference) = {term.ToUpperInvariant()}
               OR regexp_replace(coalesce(patient->>'phone', ''), '\D', '', 'g') LIKE {phone}
            """);
        var found = await services.Access.Readable(candidates).AsNoTracking()
            .OrderByDescending(r => r.ReceivedAt).Take(MaxPatients * 10).ToListAsync(ct);
        await services.Audit.SaveReadsAsync(found, ReferralAuditActions.Listed, ct);

        return TypedResults.Ok(found.GroupBy(r => r.Patient.Key)
            .Take(MaxPatients)
            .Select(g => g.First().Patient is var p
                ? new PatientMatch(p.FirstName, p.LastName, p.DateOfBirth, p.Phone,
                    [.. g.Select(r => new PatientReferral(r.Id, r.Reference, r.Status.ToName(), r.LocationId))])
                : null!)
            .ToList());
    }
}
