using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using static MedMassage.Referral.Api.Tests.Support.DomainReferrals;

namespace MedMassage.Referral.Api.Tests.Domain;

public sealed class ClearanceAndDuplicateTests
{
    [Fact]
    public void Scar_tissue_work_stays_blocked_until_the_physician_clears_it()
    {
        var referral = Accepted(r => r with { Techniques = ["scar-tissue-release", "stretching"] });
        Assert.Equal(["scar-tissue-release"], referral.TechniquesAwaitingClearance);

        referral.RecordClearance("Scar-Tissue-Release", "Dr. Surgeon", Now.AddDays(-1), "doc-77", Staff, Now);

        Assert.Empty(referral.TechniquesAwaitingClearance);
        Assert.Equal(new Clearance("scar-tissue-release", "Dr. Surgeon", Now.AddDays(-1), "doc-77", "Front Desk"), Assert.Single(referral.Clearances));
        var state = referral.PublishedState();
        Assert.Empty(state.AwaitingClearance);
        Assert.Equal(["scar-tissue-release"], state.Cleared);
    }

    [Fact]
    public void A_precaution_needing_clearance_holds_back_every_requested_technique()
    {
        var referral = Received(r => r with { Precautions = [new PrecautionInput("Anticoagulants", "needs-physician-clearance", null)] });

        Assert.Equal(["myofascial-release", "trigger-point"], referral.TechniquesAwaitingClearance);
        referral.RecordClearance("trigger-point", "Dr. Carter", Now, null, Staff, Now);
        Assert.Equal(["myofascial-release"], referral.TechniquesAwaitingClearance);
    }

    [Fact]
    public void Clearance_is_refused_for_a_technique_not_awaiting_it_or_dated_in_the_future()
    {
        var referral = Accepted(r => r with { Techniques = ["scar-tissue-release", "stretching"] });

        Assert.Throws<RuleViolation>(() => referral.RecordClearance("stretching", "Dr. X", Now, null, Staff, Now));
        Assert.Throws<RuleViolation>(() => referral.RecordClearance("scar-tissue-release", "Dr. X", Now.AddHours(1), null, Staff, Now));
        Assert.Empty(referral.Clearances);
    }

    [Fact]
    public void The_same_patient_physician_and_a_shared_diagnosis_within_14_days_is_a_possible_duplicate()
    {
        var earlier = Received(at: Now.AddDays(-13));

        var again = Received(r => r with { Diagnoses = ["M62.830", "M54.2"] }, earlier: [earlier]);

        Assert.Equal(earlier.Id, again.PossibleDuplicateOf);
    }

    [Fact]
    public void Older_referrals_other_diagnoses_other_physicians_and_other_patients_are_not_duplicates()
    {
        var old = Received(at: Now.AddDays(-15));
        var other = Received(at: Now.AddDays(-1));

        Assert.Null(Received(earlier: [old]).PossibleDuplicateOf);
        Assert.Null(Received(r => r with { Diagnoses = ["G56.01"] }, earlier: [other]).PossibleDuplicateOf);
        Assert.Null(Received(r => r with { Physician = r.Physician! with { Npi = "1245319599" } }, earlier: [other]).PossibleDuplicateOf);
        Assert.Null(Received(r => r with { Patient = r.Patient! with { DateOfBirth = new DateOnly(1981, 4, 12) } }, earlier: [other]).PossibleDuplicateOf);
        Assert.Equal(other.Id, Received(r => r with { Patient = r.Patient! with { FirstName = "MARIA " } }, earlier: [other]).PossibleDuplicateOf);
    }
}
