using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.Contracts.ClinicalNotes;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class VisitNoteTests
{
    private static VisitNote Draft(out MedMassage.ClinicalNotes.Api.Domain.Referrals.CareReferral referral, params AppliedTechnique[] techniques)
    {
        referral = Clinic.Referral();
        var evaluation = Clinic.SignedEvaluation(referral);
        var plan = Clinic.ActivePlan(referral, evaluation);
        return Clinic.Note(referral, Clinic.Appointment(referral, "treatment"), plan.Id, plan.Version, Clinic.NoteContent(techniques), Clinic.Monday);
    }

    [Fact]
    public void Signing_numbers_the_visit_and_fixes_the_billable_units()
    {
        var note = Draft(out var referral, Clinic.Technique("Myofascial release", minutes: 33), Clinic.Technique("Massage", minutes: 7, cpt: "97124"));

        note.Sign(referral, Clinic.Treating(note.AppointmentId), Clinic.Monday.AddHours(1));

        Assert.Equal(1, note.VisitNumber);
        Assert.Equal([new BillableUnits("97124", 1), new BillableUnits("97140", 2)], note.Units);
    }

    [Fact]
    public void A_signed_note_cannot_be_revised_or_signed_again()
    {
        var note = Draft(out var referral);
        note.Sign(referral, Clinic.Treating(note.AppointmentId), Clinic.Monday.AddHours(1));

        Assert.Throws<RuleViolation>(() => note.Revise(Clinic.NoteContent(), note.PlanId, note.PlanVersion, Clinic.Treating(note.AppointmentId)));
        Assert.Throws<RuleViolation>(() => note.Sign(referral, Clinic.Treating(note.AppointmentId), Clinic.Monday.AddHours(2)));
    }

    [Fact]
    public void Addenda_correct_signed_notes_only_and_give_a_reason()
    {
        var note = Draft(out var referral);
        Assert.Throws<RuleViolation>(() => Addendum.To(note, "therapist-1", "typo", "L5 not L4", Clinic.Monday));

        note.Sign(referral, Clinic.Treating(note.AppointmentId), Clinic.Monday.AddHours(1));
        var error = Assert.Throws<InvalidClinicalData>(() => Addendum.To(note, "therapist-1", "", "L5 not L4", Clinic.Monday.AddHours(2)));
        Assert.Contains("reason", error.Errors.Keys);

        var addendum = Addendum.To(note, "therapist-1", "Wrong level", "L5 not L4", Clinic.Monday.AddHours(2));
        Assert.Equal((note.Id, "therapist-1", "Wrong level"), (addendum.NoteId, addendum.Author, addendum.Reason));
    }

    [Fact]
    public void An_unsigned_note_is_overdue_after_24_hours()
    {
        var note = Draft(out _);

        Assert.False(note.IsOverdueForSignature(Clinic.Monday.AddHours(24)));
        Assert.True(note.IsOverdueForSignature(Clinic.Monday.AddHours(24).AddMinutes(1)));
    }

    [Fact]
    public void Every_invalid_field_of_a_note_is_named()
    {
        var error = Assert.Throws<InvalidClinicalData>(() => VisitNoteContent.Create("", "o", "a", "p",
            [new AppliedTechnique("Massage", "99999", 0, [])], 11, null, null, null));

        Assert.Equal(
            ["painAfter", "painBefore", "subjective", "techniques[0].bodyRegions", "techniques[0].cptCode", "techniques[0].minutes", "tolerance"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
