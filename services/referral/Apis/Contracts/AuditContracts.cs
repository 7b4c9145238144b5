using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Referral.Api.Apis.Contracts;

/// <summary>Audit trail filters; all optional. Dates are whole UTC days, both ends included.</summary>
public sealed record AuditQuery(Guid? ReferralId, string? UserId, [OneOf(typeof(ReferralAuditActions))] string? Action, DateOnly? From, DateOnly? To, int? Page, int? PageSize);

/// <summary>One read or change of a referral: who, in which role, through which client, when, what.</summary>
public sealed record AuditEntryView(
    long Id, DateTimeOffset At, string UserId, string UserName, string? Role, string? ClientId, string? ClientAddress,
    Guid ReferralId, Guid? LocationId, [OneOf(typeof(ReferralAuditActions))] string Action);
