using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Apis.Fhir;

/// <summary>Searching ServiceRequests among the referrals the caller may read (a system: those it submitted).</summary>
public static class ServiceRequestSearch
{
    private const string Type = "ServiceRequest";

    public static async Task<Results<FhirResult, ProblemHttpResult>> SearchAsync(HttpContext http, ReferralServices services, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, Type);
        var patient = search.Reference("patient", "Patient");
        var authored = search.Dates("authored");
        var updated = search.Dates("_lastUpdated");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }

        var referrals = (patient is null ? services.Access.Readable(services.Db.Referrals) : services.ReadableOfPatient(patient)).AsNoTracking();
        referrals = referrals.WhereGiven(FhirReferences.AsGuid(search.Single("_id")), id => r => r.Id == id);
        if (search.Single("identifier") is { } identifier)
        {
            referrals = Matching(referrals, identifier);
        }
        if (search.Single("status") is { } status)
        {
            var statuses = Enum.GetValues<ReferralStatus>().Where(s => ServiceRequestMapping.ToFhirStatus(s).ToString().Equals(status.Replace("-", ""), StringComparison.OrdinalIgnoreCase)).ToList();
            referrals = referrals.Where(r => statuses.Contains(r.Status));
        }
        if (search.Single("requester") is { } requester)
        {
            var npi = requester.Split('/')[^1].Replace("npi-", "", StringComparison.Ordinal);
            referrals = referrals.Where(r => r.PhysicianNpi == npi);
        }
        referrals = referrals.Within(authored, r => r.ReceivedAt);
        referrals = referrals.Within(updated, r => r.UpdatedAt);

        var total = await referrals.CountAsync(ct);
        var page = await referrals.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id).Skip(search.Skip).Take(search.Count).ToListAsync(ct);
        await services.Audit.SaveReadsAsync(page, ReferralAuditActions.Listed, ct);
        return FhirResult.Ok(search.Bundle(total, page.Select(ServiceRequestMapping.ToFhir)));
    }

    /// <summary>The caller's referrals with an identifier: our reference, or the submitting system's (system|value or value).</summary>
    public static IQueryable<Domain.Referral> ByIdentifier(ReferralServices services, string token) =>
        Matching(services.Access.Readable(services.Db.Referrals).AsNoTracking(), token);

    private static IQueryable<Domain.Referral> Matching(IQueryable<Domain.Referral> referrals, string token)
    {
        var bar = token.IndexOf('|');
        var (system, value) = bar < 0 ? ("", token) : (token[..bar], token[(bar + 1)..]);
        if (system == FhirSystems.ReferralReference)
        {
            return referrals.Where(r => r.Reference == value);
        }
        if (system.Length > 0)
        {
            var key = $"{system}|{value}";
            return referrals.Where(r => r.SubmitterIdentifier == key);
        }
        var suffix = "|" + value;
        return referrals.Where(r => r.Reference == value || (r.SubmitterIdentifier != null && r.SubmitterIdentifier.EndsWith(suffix)));
    }
}
