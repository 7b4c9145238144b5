using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Contracts.ClinicalNotes;

namespace MedMassage.ClinicalNotes.Api.Domain.Notes;

/// <summary>
/// The SOAP note of one treatment appointment. Editable until signed; once signed it never changes (the database
/// rejects it too) and corrections are addenda.
/// </summary>
public sealed class VisitNote
{
    public static readonly TimeSpan SignatureDueWithin = TimeSpan.FromHours(24);

    private VisitNote() { }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid AppointmentId { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid TherapistId { get; private set; }
    public Guid LocationId { get; private set; }
    public Guid PlanId { get; private set; }
    public int PlanVersion { get; private set; }
    public VisitNoteContent Content { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public int? VisitNumber { get; private set; }
    public List<BillableUnits> Units { get; private set; } = [];
    public DateTimeOffset? FlaggedUnsignedAt { get; private set; }

    /// <summary>
    /// PostgreSQL's row version (xmin): the ETag, and the check that a revise and a sign racing each other cannot both
    /// succeed, so what is signed is exactly what the signer last read (If-Match).
    /// </summary>
    public uint Version { get; private set; }

    public bool IsSigned => SignedAt is not null;

    public static VisitNote Write(CareReferral referral, ClinicAppointment appointment, Guid planId, int planVersion,
        VisitNoteContent content, Authorship author, DateTimeOffset now)
    {
        author.EnsureCovers(appointment.Id);
        if (appointment.ReferralId != referral.Id)
        {
            throw new RuleViolation("appointment-of-another-referral", "The appointment belongs to another referral.");
        }
        if (appointment.Kind == AppointmentKind.Evaluation)
        {
            throw new RuleViolation("evaluation-appointment", "An evaluation appointment is documented by the evaluation, not a visit note.");
        }
        if (!appointment.CanBeDocumented)
        {
            throw new RuleViolation("appointment-status", $"The appointment is {appointment.Status.ToString().ToLowerInvariant()}.");
        }
        return new VisitNote
        {
            Id = Guid.CreateVersion7(now),
            ReferralId = referral.Id,
            AppointmentId = appointment.Id,
            PatientId = referral.PatientId,
            TherapistId = appointment.TherapistId,
            LocationId = appointment.LocationId,
            PlanId = planId,
            PlanVersion = planVersion,
            Content = content,
            CreatedAt = now,
            CreatedBy = author.UserId,
        };
    }

    public void Revise(VisitNoteContent content, Guid planId, int planVersion, Authorship author)
    {
        author.EnsureCovers(AppointmentId);
        EnsureUnsigned();
        Content = content;
        PlanId = planId;
        PlanVersion = planVersion;
    }

    /// <summary>Signs the note, numbering the visit and fixing its billable units.</summary>
    public void Sign(CareReferral referral, Authorship by, DateTimeOffset now)
    {
        by.EnsureCovers(AppointmentId);
        EnsureUnsigned();
        SignedAt = now;
        SignedBy = by.UserId;
        Units = [.. EightMinuteRule.Units(Content.Techniques.Select(t => (t.CptCode, t.Minutes)))];
        VisitNumber = referral.RecordSignedVisit();
    }

    /// <summary>Unsigned for longer than a day: the therapist is reminded and staff see it flagged.</summary>
    public bool IsOverdueForSignature(DateTimeOffset now) => !IsSigned && now - CreatedAt > SignatureDueWithin;

    /// <summary>True the first time an overdue note is flagged, so staff are told once per note.</summary>
    public bool TryFlagUnsigned(DateTimeOffset now)
    {
        if (!IsOverdueForSignature(now) || FlaggedUnsignedAt is not null)
        {
            return false;
        }
        FlaggedUnsignedAt = now;
        return true;
    }

    private void EnsureUnsigned()
    {
        if (IsSigned)
        {
            throw new RuleViolation("signed", "A signed note cannot be changed; add an addendum instead.");
        }
    }
}
