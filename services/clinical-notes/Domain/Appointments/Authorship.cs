using MedMassage.ClinicalNotes.Api.Domain.Common;

namespace MedMassage.ClinicalNotes.Api.Domain.Appointments;

/// <summary>Who is documenting, as the access token names them: the user id (<c>sub</c>) and whether they are a clinic admin.</summary>
public sealed record Documenter(string UserId, bool IsClinicAdmin);

/// <summary>
/// The one rule on who writes a visit's clinical record (its evaluation or visit note): the appointment's treating
/// therapist, whose staff user id is the appointment's therapist id. A clinic admin may start, revise or sign it for
/// them only with a reason, which the access audit keeps. Notes and evaluations take an <see cref="Authorship"/>, and
/// only <see cref="For"/> makes one, so no endpoint can skip the check.
/// </summary>
public sealed class Authorship
{
    public const int MaxReasonLength = 500;

    private Authorship(Guid appointmentId, string userId, string? onBehalfReason)
    {
        AppointmentId = appointmentId;
        UserId = userId;
        OnBehalfReason = onBehalfReason;
    }

    public Guid AppointmentId { get; }
    public string UserId { get; }

    /// <summary>Why a clinic admin documents for the treating therapist; null when the therapist documents their own visit.</summary>
    public string? OnBehalfReason { get; }

    /// <exception cref="ClinicalAccessDenied">The documenter is neither the treating therapist nor an admin giving a reason.</exception>
    public static Authorship For(ClinicAppointment appointment, Documenter who, string? onBehalfReason)
    {
        if (Guid.TryParse(who.UserId, out var userId) && userId == appointment.TherapistId)
        {
            return new Authorship(appointment.Id, who.UserId, null);
        }
        var therapist = string.IsNullOrWhiteSpace(appointment.TherapistName) ? "the treating therapist" : appointment.TherapistName;
        if (!who.IsClinicAdmin)
        {
            throw new ClinicalAccessDenied($"Only the appointment's treating therapist ({therapist}) documents this visit.");
        }
        var reason = onBehalfReason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new ClinicalAccessDenied(
                $"This visit is documented by its treating therapist ({therapist}); a clinic admin documenting for them gives a reason (onBehalfReason).");
        }
        new FieldErrors().When(reason.Length > MaxReasonLength, "onBehalfReason", $"The reason is at most {MaxReasonLength} characters.").ThrowIfAny();
        return new Authorship(appointment.Id, who.UserId, reason);
    }

    /// <summary>An authorship covers the one appointment it was granted for; anything else is a programming error.</summary>
    internal void EnsureCovers(Guid appointmentId)
    {
        if (appointmentId != AppointmentId)
        {
            throw new InvalidOperationException($"Authorship for appointment {AppointmentId} used on appointment {appointmentId}.");
        }
    }
}
