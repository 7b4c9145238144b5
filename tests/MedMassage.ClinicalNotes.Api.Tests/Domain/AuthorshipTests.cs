using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Notes;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class AuthorshipTests
{
    private static readonly ClinicAppointment Visit = Clinic.Appointment(Clinic.Referral(), "treatment");

    [Fact]
    public void The_treating_therapist_documents_their_own_appointment_without_a_reason()
    {
        var author = Authorship.For(Visit, new Documenter(Clinic.TherapistId.ToString(), IsClinicAdmin: false), null);

        Assert.Equal((Visit.Id, Clinic.TherapistId.ToString(), (string?)null), (author.AppointmentId, author.UserId, author.OnBehalfReason));
    }

    [Fact]
    public void Another_therapist_is_refused_even_when_giving_a_reason()
    {
        var error = Assert.Throws<ClinicalAccessDenied>(() =>
            Authorship.For(Visit, new Documenter(Guid.NewGuid().ToString(), IsClinicAdmin: false), "Covering for Tom"));

        Assert.Contains("treating therapist (Tom Therapist)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clinic_admin_documents_for_the_treating_therapist_only_with_a_reason()
    {
        var admin = new Documenter("admin-1", IsClinicAdmin: true);

        Assert.Contains("gives a reason", Assert.Throws<ClinicalAccessDenied>(() => Authorship.For(Visit, admin, "  ")).Message, StringComparison.Ordinal);
        var author = Authorship.For(Visit, admin, " Therapist on leave; dictated by phone ");
        Assert.Equal(("admin-1", "Therapist on leave; dictated by phone"), (author.UserId, author.OnBehalfReason));
        Assert.Contains("onBehalfReason", Assert.Throws<InvalidClinicalData>(() => Authorship.For(Visit, admin, new string('x', 501))).Errors.Keys);
    }

    [Fact]
    public void A_note_is_written_revised_and_signed_only_under_authorship_of_its_own_appointment()
    {
        var referral = Clinic.Referral();
        var plan = Clinic.ActivePlan(referral, Clinic.SignedEvaluation(referral));
        var visit = Clinic.Appointment(referral, "treatment");
        var elsewhere = Clinic.Treating(Clinic.Appointment(referral, "treatment"));

        Assert.Throws<InvalidOperationException>(() => VisitNote.Write(referral, visit, plan.Id, plan.Version, Clinic.NoteContent(), elsewhere, Clinic.Monday));
        var note = Clinic.Note(referral, visit, plan.Id, plan.Version, Clinic.NoteContent(), Clinic.Monday);
        Assert.Throws<InvalidOperationException>(() => note.Revise(Clinic.NoteContent(), plan.Id, plan.Version, elsewhere));
        Assert.Throws<InvalidOperationException>(() => note.Sign(referral, elsewhere, Clinic.Monday));

        Assert.Equal(Clinic.TherapistId.ToString(), note.CreatedBy);
        Assert.False(note.IsSigned);
    }
}
