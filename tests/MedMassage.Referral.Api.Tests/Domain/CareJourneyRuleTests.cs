using System.Text.RegularExpressions;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using static MedMassage.Referral.Api.Tests.Support.DomainReferrals;

namespace MedMassage.Referral.Api.Tests.Domain;

public sealed partial class CareJourneyRuleTests
{
    private static readonly Actor Clinical = Actor.Service("clinical-notes");
    private static readonly ContraindicationFinding UnhealedScar = new("Unhealed scar", ContraindicationEffect.NeedsPhysicianClearance, "neck");

    [Fact]
    public void References_never_repeat_and_read_out_without_ambiguous_letters()
    {
        var references = Enumerable.Range(1, 200_000).Select(n => ReferralReference.FromNumber(n).Value).ToList();

        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.All(references.Take(1000), r => Assert.Matches(Readable(), r));
        Assert.NotEqual(references[0][..5], references[1][..5]); // neighbours do not look alike
    }

    [Fact]
    public void A_finding_the_evaluation_says_needs_clearance_awaits_the_physician_until_recorded()
    {
        var referral = Accepted();

        referral.RecordEvaluation(Guid.NewGuid(), [UnhealedScar], Clinical, Now);

        var awaiting = Assert.Single(referral.AwaitingClearance);
        Assert.Equal(new ClearanceNeeded("Unhealed scar", ClearanceNeeded.Finding, "neck"), awaiting);
        Assert.Equal([awaiting], referral.PublishedState().AwaitingClearance);

        referral.RecordClearance("unhealed scar", "Dr. Ruth Lee", Now, "doc://clearances/7", Staff, Now);

        Assert.Empty(referral.AwaitingClearance);
        Assert.Equal(("Unhealed scar", ClearanceNeeded.Finding), (referral.Clearances[0].Subject, referral.Clearances[0].Kind));
        Assert.Equal(["Unhealed scar"], referral.PublishedState().Cleared);
    }

    [Fact]
    public void A_finding_already_cleared_is_not_asked_again_by_a_later_evaluation()
    {
        var referral = Accepted();
        referral.RecordEvaluation(Guid.NewGuid(), [UnhealedScar], Clinical, Now);
        referral.RecordClearance("Unhealed scar", "Dr. Ruth Lee", Now, null, Staff, Now);

        referral.RecordEvaluation(Guid.NewGuid(), [UnhealedScar], Clinical, Now.AddDays(20));

        Assert.Empty(referral.AwaitingClearance);
        Assert.Throws<RuleViolation>(() => referral.RecordClearance("Unhealed scar", "Dr. Ruth Lee", Now, null, Staff, Now.AddDays(21)));
    }

    [Fact]
    public void Every_change_publishes_the_whole_state_once_with_a_higher_version()
    {
        var referral = Accepted();
        var before = referral.Revision;

        referral.PutOnHold("waiting for records", Staff, Now);
        referral.Resume(Staff, Now);
        var state = referral.PublishedState();

        Assert.Equal(before + 2, state.Version);
        Assert.Equal((referral.Reference, "accepted"), (state.Reference, state.Status));
        Assert.Empty(referral.DequeueEvents()); // nothing changed since: nothing to publish
    }

    [GeneratedRegex("^R-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$")]
    private static partial Regex Readable();
}
