using FsCheck;
using FsCheck.Fluent;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Contracts.Referrals;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class ReferralCopyTests
{
    [Fact]
    public void The_copy_ends_equal_to_the_referral_service_whatever_order_duplicates_and_delays_the_events_arrive_with()
    {
        Prop.ForAll(ReferralHistories.Deliveries, delivery =>
        {
            var copy = delivery.Replay(CareReferral.From, (r, s) => r.Apply(s));
            return EqualsOwner(copy, delivery.Owner);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_finding_the_evaluation_asked_clearance_for_stays_pending_until_the_referral_service_records_the_clearance()
    {
        var state = ReferralStates.Accepted();
        var copy = CareReferral.From(state);
        copy.AwaitClearance(["Unhealed scar"]);

        Assert.False(copy.Apply(state)); // a repeat changes nothing
        Assert.Equal(["Unhealed scar"], copy.PendingClearances);
        Assert.True(copy.Apply(state.Then(s => s with { Cleared = ["unhealed scar"] })));
        Assert.Empty(copy.PendingClearances);
    }

    [Fact]
    public void A_resume_from_before_the_blocking_evaluation_does_not_unblock_treatment()
    {
        var signedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var state = ReferralStates.Accepted() with { LastResumedAt = signedAt.AddDays(-3) };
        var copy = CareReferral.From(state);
        copy.BlockTreatment(signedAt);

        Assert.True(copy.Apply(state.WithStatus(ReferralStatuses.InTreatment)));
        Assert.NotNull(copy.TreatmentBlockedAt);
        Assert.True(copy.Apply(state.WithStatus(ReferralStatuses.InTreatment).Then(s => s with { LastResumedAt = signedAt.AddDays(1) })));
        Assert.Null(copy.TreatmentBlockedAt);
    }

    private static bool EqualsOwner(CareReferral copy, ReferralState owner) =>
        copy.Version == owner.Version
        && copy.Status == owner.Status
        && copy.StatusReason == owner.StatusReason
        && copy.Techniques.SequenceEqual(owner.Techniques)
        && copy.TechniquesAwaitingClearance.SequenceEqual(owner.AwaitingClearance.Where(a => a.Kind == ClearanceNeeded.Technique).Select(a => a.Subject))
        && copy.Cleared.SequenceEqual(owner.Cleared)
        && copy.AuthorizedVisits == owner.Visits.Authorized
        && copy.ValidUntil == owner.ValidUntil
        && copy.LocationId == owner.LocationId
        && copy.PatientId == owner.Patient.PatientId
        && copy.PhysicianNpi == owner.Physician.Npi;
}
