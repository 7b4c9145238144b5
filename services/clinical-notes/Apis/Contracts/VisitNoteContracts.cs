using System.ComponentModel.DataAnnotations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.Contracts.ClinicalNotes;

namespace MedMassage.ClinicalNotes.Api.Apis.Contracts;

public sealed record VisitNoteRequest(
    Guid? AppointmentId,
    [Required] string? Subjective,
    [Required] string? Objective,
    [Required] string? Assessment,
    [Required] string? Plan,
    [Required] IReadOnlyList<AppliedTechnique>? Techniques,
    [Required] int? PainBefore,
    [Required] int? PainAfter,
    [Required] Tolerance? Tolerance,
    string? AdverseEvent,
    string? OnBehalfReason = null)
{
    public VisitNoteContent ToContent() =>
        VisitNoteContent.Create(Subjective, Objective, Assessment, Plan, Techniques, PainBefore, PainAfter, Tolerance, AdverseEvent);
}

/// <summary>Signing a note or an evaluation; a clinic admin signing for the treating therapist gives the reason.</summary>
public sealed record SignRequest(string? OnBehalfReason);

public sealed record AddendumRequest([Required] string? Reason, [Required] string? Text);

public sealed record AddendumResponse(Guid Id, string Author, DateTimeOffset WrittenAt, string Reason, string Text)
{
    public static AddendumResponse From(Addendum a) => new(a.Id, a.Author, a.WrittenAt, a.Reason, a.Text);
}

public sealed record VisitNoteResponse(
    Guid Id,
    Guid ReferralId,
    Guid AppointmentId,
    Guid PatientId,
    Guid TherapistId,
    Guid PlanId,
    int PlanVersion,
    VisitNoteContent Content,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? SignedAt,
    string? SignedBy,
    int? VisitNumber,
    IReadOnlyList<BillableUnits> Units,
    bool OverdueForSignature,
    IReadOnlyList<AddendumResponse> Addenda)
{
    public static VisitNoteResponse From(VisitNote n, IEnumerable<Addendum> addenda, DateTimeOffset now) =>
        new(n.Id, n.ReferralId, n.AppointmentId, n.PatientId, n.TherapistId, n.PlanId, n.PlanVersion, n.Content, n.CreatedAt, n.CreatedBy,
            n.SignedAt, n.SignedBy, n.VisitNumber, n.Units, n.IsOverdueForSignature(now), [.. addenda.OrderBy(a => a.WrittenAt).Select(AddendumResponse.From)]);
}

public sealed record UnsignedNoteResponse(Guid Id, Guid ReferralId, Guid AppointmentId, Guid TherapistId, DateTimeOffset CreatedAt, string CreatedBy);
