using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using static MedMassage.Referral.Api.Tests.Support.DomainReferrals;

namespace MedMassage.Referral.Api.Tests.Domain;

public sealed class ReferralLifecycleTests
{
    [Fact]
    public void A_new_referral_is_received_and_announced()
    {
        var request = TestReferrals.Valid(Today);
        ReferralValidator.Validate(request, Today, out var content);

        var referral = MedMassage.Referral.Api.Domain.Referral.Receive(Guid.NewGuid(), MedMassage.Referral.Api.Domain.ReferralReference.FromNumber(Random.Shared.Next(1, 1 << 30)), content!, [], Intake, Now);

        Assert.Equal(ReferralStatus.Received, referral.Status);
        var received = Assert.IsType<ReferralReceived>(Assert.Single(referral.Facts(out var state)));
        Assert.Equal(Now, received.OccurredAt);
        Assert.Equal((1, "received", referral.Reference), (state!.Version, state.Status, received.Reference));
        Assert.Empty(referral.DequeueEvents());
        Assert.Equal("received", Assert.Single(referral.History).Action);
        Assert.Equal(Staff.Id, referral.History[0].ActorId);
        Assert.Equal((Intake.Id, "front-desk", "staff-web"), (referral.SubmitterId, referral.SubmitterRole, referral.SubmitterClientId));
    }

    [Fact]
    public void Accepting_a_received_referral_announces_what_scheduling_needs()
    {
        var referral = Received();

        referral.Accept(Staff, Now);

        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        var accepted = Assert.IsType<ReferralAccepted>(Assert.Single(referral.Facts(out var state)));
        Assert.Equal("accepted", state!.Status);
        Assert.Equal(new MedMassage.Contracts.VisitCounts(12, 0, 12), accepted.Visits);
        Assert.Equal(referral.ValidUntil, accepted.ValidUntil);
        Assert.Equal(("accepted", "Front Desk"), (referral.History[^1].Action, referral.History[^1].ActorName));
    }

    [Fact]
    public void Accepting_an_expired_referral_is_rejected()
    {
        var referral = Received(r => r with { ValidFrom = Today.AddDays(-60), ValidUntil = Today.AddDays(-1) });

        var violation = Assert.Throws<RuleViolation>(() => referral.Accept(Staff, Now));

        Assert.Contains("expired", violation.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Received, referral.Status);
        Assert.Empty(referral.DequeueEvents());
    }

    [Fact]
    public void A_referral_valid_until_today_can_still_be_accepted()
    {
        var referral = Received(r => r with { ValidFrom = Today.AddDays(-60), ValidUntil = Today });

        referral.Accept(Staff, Now);

        Assert.Equal(ReferralStatus.Accepted, referral.Status);
    }

    [Fact]
    public void A_contraindication_that_blocks_all_treatment_prevents_acceptance()
    {
        var referral = Received(r => r with { Precautions = [new PrecautionInput("Acute infection", "blocks-all-treatment", null)] });

        Assert.Throws<RuleViolation>(() => referral.Accept(Staff, Now));
        Assert.Equal(ReferralStatus.Received, referral.Status);
    }

    [Fact]
    public void Only_a_received_referral_can_be_accepted_or_rejected()
    {
        var accepted = Accepted();

        Assert.Throws<RuleViolation>(() => accepted.Accept(Staff, Now));
        Assert.Throws<RuleViolation>(() => accepted.Reject("late", Staff, Now));
    }

    [Fact]
    public void Rejecting_records_the_reason()
    {
        var referral = Received();

        referral.Reject("outside scope", Staff, Now);

        Assert.Equal((ReferralStatus.Rejected, "outside scope"), (referral.Status, referral.StatusReason));
        Assert.Equal("outside scope", Assert.IsType<ReferralRejected>(Assert.Single(referral.Facts(out var published))).Reason);
        Assert.Equal(("rejected", "outside scope"), (published!.Status, published.StatusReason));
    }

    public static TheoryData<string> HoldableStates => ["received", "accepted", "in-treatment"];

    [Theory]
    [MemberData(nameof(HoldableStates))]
    public void A_held_referral_resumes_where_it_was(string state)
    {
        var referral = In(state);

        referral.PutOnHold("waiting for records", Staff, Now);
        Assert.Equal(ReferralStatus.OnHold, referral.Status);
        referral.Resume(Staff, Now);

        Assert.Equal(state, referral.Status.ToName());
        var published = referral.PublishedState();
        Assert.Equal((state, Now), (published.Status, published.LastResumedAt));
    }

    [Fact]
    public void Only_a_held_referral_can_be_resumed_and_a_closed_one_cannot_be_held()
    {
        var rejected = Received();
        rejected.Reject("no", Staff, Now);

        Assert.Throws<RuleViolation>(() => Accepted().Resume(Staff, Now));
        Assert.Throws<RuleViolation>(() => rejected.PutOnHold("why", Staff, Now));
    }

    public static TheoryData<string> OpenStates => ["received", "accepted", "on-hold", "in-treatment"];

    [Theory]
    [MemberData(nameof(OpenStates))]
    public void An_open_referral_can_be_cancelled(string state)
    {
        var referral = In(state);

        referral.Cancel("patient declined", Staff, Now);

        Assert.Equal(ReferralStatus.Cancelled, referral.Status);
        Assert.Equal(("cancelled", "patient declined"), (referral.PublishedState().Status, referral.StatusReason));
    }

    [Fact]
    public void A_closed_referral_cannot_be_cancelled()
    {
        var cancelled = Received();
        cancelled.Cancel("first", Staff, Now);

        var violation = Assert.Throws<RuleViolation>(() => cancelled.Cancel("again", Staff, Now));

        Assert.Contains("cancelled", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OpenStates))]
    public void An_open_referral_past_its_validity_expires_once(string state)
    {
        var referral = In(state);
        var later = new DateTimeOffset(referral.ValidUntil.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        Assert.False(referral.ExpireIfDue(DateOnly.FromDateTime(later.AddSeconds(-1).UtcDateTime), Staff, later.AddSeconds(-1)));
        Assert.True(referral.ExpireIfDue(DateOnly.FromDateTime(later.UtcDateTime), Staff, later));
        Assert.False(referral.ExpireIfDue(DateOnly.FromDateTime(later.AddDays(1).UtcDateTime), Staff, later.AddDays(1)));

        Assert.Equal(ReferralStatus.Expired, referral.Status);
        var expired = referral.PublishedState();
        Assert.Equal(("expired", referral.Revision), (expired.Status, expired.Version));
    }

    [Fact]
    public void A_closed_referral_does_not_expire()
    {
        var rejected = Received();
        rejected.Reject("no", Staff, Now);

        Assert.False(rejected.ExpireIfDue(DateOnly.FromDateTime(Now.AddYears(1).UtcDateTime), Staff, Now.AddYears(1)));
        Assert.Equal(ReferralStatus.Rejected, rejected.Status);
    }

    internal static MedMassage.Referral.Api.Domain.Referral In(string state)
    {
        var referral = state switch
        {
            "received" => Received(),
            "accepted" => Accepted(),
            "in-treatment" => InTreatment(),
            "on-hold" => Accepted(),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        if (state == "on-hold")
        {
            referral.PutOnHold("waiting", Staff, Now);
        }
        referral.DequeueEvents();
        return referral;
    }
}
