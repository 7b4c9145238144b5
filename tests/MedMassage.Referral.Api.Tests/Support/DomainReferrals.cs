using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain;

namespace MedMassage.Referral.Api.Tests.Support;

/// <summary>Referrals built straight through the domain, for rule tests without servers.</summary>
internal static class DomainReferrals
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly Actor Staff = new("u-7", "Front Desk");
    public static readonly Submitter Intake = new(Staff.Id, Staff.Name, "front-desk", "staff-web");

    public static MedMassage.Referral.Api.Domain.Referral Received(
        Func<SubmitReferral, SubmitReferral>? change = null, DateTimeOffset? at = null, IEnumerable<MedMassage.Referral.Api.Domain.Referral>? earlier = null)
    {
        var request = (change ?? (r => r))(TestReferrals.Valid(Today));
        var errors = ReferralValidator.Validate(request, Today, out var content);
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        var referral = MedMassage.Referral.Api.Domain.Referral.Receive(Guid.NewGuid(), MedMassage.Referral.Api.Domain.ReferralReference.FromNumber(Random.Shared.Next(1, 1 << 30)), content!, earlier ?? [], Intake, at ?? Now);
        referral.DequeueEvents();
        return referral;
    }

    public static MedMassage.Referral.Api.Domain.Referral Accepted(Func<SubmitReferral, SubmitReferral>? change = null)
    {
        var referral = Received(change);
        referral.Accept(Staff, Now);
        referral.DequeueEvents();
        return referral;
    }

    public static MedMassage.Referral.Api.Domain.Referral InTreatment(Func<SubmitReferral, SubmitReferral>? change = null)
    {
        var referral = Accepted(change);
        referral.RecordEvaluation(Guid.NewGuid(), [], Actor.Service("clinical-notes"), Now);
        referral.DequeueEvents();
        return referral;
    }
}
