using System.ComponentModel.DataAnnotations;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Referral.Api.Apis.Contracts;

/// <summary>Why a referral is rejected, held or cancelled; always required.</summary>
public sealed record ReasonRequest([Required] string? Reason);

/// <summary>
/// The physician's clearance of one thing awaiting it: a technique, or a finding of the evaluation (give one of the
/// two); who gave it, when, and the document on file.
/// </summary>
public sealed record ClearanceRequest([OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] string? Technique, [Required] string? ClearedBy, DateTimeOffset? ClearedAt, string? DocumentReference, string? Finding = null);

/// <summary>Inbox filters; all optional. Received dates are whole UTC days, both ends included.</summary>
public sealed record InboxQuery(
    [OneOf(typeof(ReferralStatuses))] string? Status,
    Guid? LocationId,
    string? PhysicianNpi,
    string? Diagnosis,
    DateOnly? ReceivedFrom,
    DateOnly? ReceivedTo,
    int? Page,
    int? PageSize,
    [OneOf(typeof(Domain.Referral), nameof(Domain.Referral.AttentionNames))] string? Attention = null);
