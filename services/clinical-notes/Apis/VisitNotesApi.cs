using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

public static class VisitNotesApi
{
    public static RouteGroupBuilder MapVisitNotes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/visit-notes").WithTag("Visit notes", "SOAP notes of treatment visits: techniques given with their minutes, pain before and after, tolerance, adverse events, billable units. Drafts until signed; signed notes take addenda only.").RequireAuthorization(Policies.Clinician);
        group.MapPost("/", WriteNote).WithName("WriteVisitNote").WithRequestExample(ClinicalExamples.VisitNote)
            .WithSummary("Write the visit note of a treatment visit (a draft)")
            .WithDescription("One note per visit (`appointmentId`), by its treating therapist, or a clinic admin with `onBehalfReason`. 404 for an unknown appointment or referral, 403 for another therapist's visit, 409 when the visit is already documented or the treatment rules refuse it (a hold, a technique not in the plan or awaiting clearance).");
        group.MapGet("/", FindForVisit).WithName("FindVisitNote")
            .WithSummary("The note of a visit")
            .WithDescription("The visit note written for `appointmentId` (an empty list before one is written), at the caller's locations only. Therapists and clinic admins.");
        group.MapGet("/unsigned", ListOverdueUnsigned).WithName("ListUnsignedVisitNotes")
            .WithSummary("Notes not yet signed")
            .WithDescription("Drafts older than the time notes must be signed within, oldest first, at the caller's locations, optionally of one `therapistId`. Therapists and clinic admins of the referral's location.");
        group.MapGet("/{id:guid}", GetNote).WithName("GetVisitNote")
            .WithSummary("One visit note, with its version as ETag")
            .WithDescription("With its addenda; its `ETag` goes back as `If-Match` when revising or signing. Therapists and clinic admins of the referral's location. 404 otherwise.");
        group.MapPut("/{id:guid}", ReviseNote).WithName("ReviseVisitNote").WithRequestExample(ClinicalExamples.VisitNote)
            .WithSummary("Revise a draft note (If-Match: its ETag)")
            .WithDescription("Replaces the content of a draft note. The treating therapist, or a clinic admin with `onBehalfReason`. 409 once signed, 412 when `If-Match` names an older version.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/sign", SignNote).WithName("SignVisitNote").WithRequestExample(ClinicalExamples.Sign)
            .WithSummary("Sign a note (If-Match: its ETag); signed notes never change")
            .WithDescription("Re-checks the treatment rules, fixes the billable units, counts the visit against the referral and reports adverse events; the tenth visit since the last evaluation makes a re-evaluation due. The treating therapist, or a clinic admin with `onBehalfReason`. 409 when already signed or the rules refuse it, 412 when `If-Match` names an older version.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/addenda", AddAddendum).WithName("AddVisitNoteAddendum").WithRequestExample(ClinicalExamples.Addendum)
            .WithSummary("Add an addendum to a signed note")
            .WithDescription("A correction or late entry with its `reason` and `text`; the note itself never changes. Therapists and clinic admins of the referral's location. 409 when the note is not signed yet (revise it instead).");
        return api;
    }

    public static async Task<Results<Created<VisitNoteResponse>, NotFound<ProblemDetails>, ValidationProblem, ForbiddenProblem, Conflict<ProblemDetails>>> WriteNote(
        VisitNoteRequest request, HttpContext http, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        if (request.AppointmentId is null)
        {
            return ClinicalProblems.Invalid("appointmentId", "The appointment is required.");
        }
        var content = request.ToContent();
        var appointment = await s.Scope.Appointments.FirstOrDefaultAsync(a => a.Id == request.AppointmentId, ct);
        var referral = appointment is null ? null : await s.Scope.Referrals.FirstOrDefaultAsync(r => r.Id == appointment.ReferralId, ct);
        if (appointment is null || referral is null)
        {
            return ClinicalProblems.NotFound(appointment is null ? "No appointment with this id is known." : "The appointment's referral is not known.");
        }
        var author = s.AuthorOf(appointment, request.OnBehalfReason);
        await s.Records.EnsureTreatmentAllowedAsync(referral, content.Techniques, DateOnly.FromDateTime(appointment.StartsAt.UtcDateTime), ct);
        var plan = (await s.Records.ActivePlanAsync(referral.Id, ct))!;
        var note = VisitNote.Write(referral, appointment, plan.Id, plan.Version, content, author, s.Now);
        s.Db.VisitNotes.Add(note);
        s.Audit.Record(RecordTypes.VisitNote, note.Id, referral.Id, AuditActions.Create, author.OnBehalfReason);
        await s.Db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ETagOf(note); // the version the writer has: a sign after it needs no second read
        return TypedResults.Created($"/api/clinical-notes/visit-notes/{note.Id}", VisitNoteResponse.From(note, [], s.Now));
    }

    public static async Task<Results<Ok<List<VisitNoteResponse>>, ValidationProblem>> FindForVisit(Guid? appointmentId, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        if (appointmentId is not { } visit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["appointmentId"] = ["The visit's appointment id is required."] });
        }
        var notes = await s.Scope.VisitNotes.Where(n => n.AppointmentId == visit).ToListAsync(ct);
        var ids = notes.Select(n => n.Id).ToList();
        var addenda = await s.Db.Addenda.Where(a => ids.Contains(a.NoteId)).ToListAsync(ct);
        foreach (var note in notes)
        {
            await s.Audit.RecordReadAsync(RecordTypes.VisitNote, note.Id, note.ReferralId, ct);
        }
        return TypedResults.Ok(notes.Select(n => VisitNoteResponse.From(n, addenda.Where(a => a.NoteId == n.Id), s.Now)).ToList());
    }

    public static async Task<Results<Ok<VisitNoteResponse>, NotFound<ProblemDetails>>> GetNote(Guid id, HttpContext http, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var note = await s.Scope.VisitNotes.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (note is null)
        {
            return ClinicalProblems.NotFound("No visit note with this id.");
        }
        var addenda = await s.Db.Addenda.Where(a => a.NoteId == id).ToListAsync(ct);
        await s.Audit.RecordReadAsync(RecordTypes.VisitNote, id, note.ReferralId, ct);
        http.Response.Headers.ETag = ETagOf(note);
        return TypedResults.Ok(VisitNoteResponse.From(note, addenda, s.Now));
    }

    public static async Task<Results<Ok<VisitNoteResponse>, NotFound<ProblemDetails>, ValidationProblem, ForbiddenProblem, Conflict<ProblemDetails>, ProblemHttpResult>> ReviseNote(
        Guid id, VisitNoteRequest request, HttpContext http, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var note = await s.Scope.VisitNotes.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (note is null)
        {
            return ClinicalProblems.NotFound("No visit note with this id.");
        }
        var appointment = await s.Db.Appointments.SingleAsync(a => a.Id == note.AppointmentId, ct);
        var author = s.AuthorOf(appointment, request.OnBehalfReason);
        if (note.IsSigned)
        {
            return ClinicalProblems.Conflict(new Refusal("signed", "A signed note cannot be changed; add an addendum instead."));
        }
        if (IsStale(http, note))
        {
            return StaleProblem(note);
        }
        var content = request.ToContent();
        var referral = await s.Db.Referrals.SingleAsync(r => r.Id == note.ReferralId, ct);
        await s.Records.EnsureTreatmentAllowedAsync(referral, content.Techniques, DateOnly.FromDateTime(appointment.StartsAt.UtcDateTime), ct);
        var plan = (await s.Records.ActivePlanAsync(referral.Id, ct))!;
        note.Revise(content, plan.Id, plan.Version, author);
        s.Audit.Record(RecordTypes.VisitNote, id, note.ReferralId, AuditActions.Update, author.OnBehalfReason);
        await s.Db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ETagOf(note);
        return TypedResults.Ok(VisitNoteResponse.From(note, [], s.Now));
    }

    /// <summary>
    /// Signing re-checks the treatment rules (a hold may have arrived since the draft), fixes the units, counts the visit
    /// and tells the others; the tenth visit since the last evaluation makes a re-evaluation due.
    /// </summary>
    public static async Task<Results<Ok<VisitNoteResponse>, NotFound<ProblemDetails>, ValidationProblem, ForbiddenProblem, Conflict<ProblemDetails>, ProblemHttpResult>> SignNote(
        Guid id, SignRequest? request, HttpContext http, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SignOnceAsync(id, request, http, s, ct);
            }
            // The referral's copy may change under a sign (an event about the same referral applied that moment): no
            // reason to refuse the signature, so it is signed again on the fresh copy. A change to the note itself is.
            catch (DbUpdateConcurrencyException e) when (attempt < 3 && e.Entries.All(entry => entry.Entity is CareReferral))
            {
                s.Db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Results<Ok<VisitNoteResponse>, NotFound<ProblemDetails>, ValidationProblem, ForbiddenProblem, Conflict<ProblemDetails>, ProblemHttpResult>> SignOnceAsync(
        Guid id, SignRequest? request, HttpContext http, ClinicalServices s, CancellationToken ct)
    {
        var note = await s.Scope.VisitNotes.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (note is null)
        {
            return ClinicalProblems.NotFound("No visit note with this id.");
        }
        var appointment = await s.Db.Appointments.SingleAsync(a => a.Id == note.AppointmentId, ct);
        var author = s.AuthorOf(appointment, request?.OnBehalfReason);
        if (note.IsSigned)
        {
            return ClinicalProblems.Conflict(new Refusal("signed", "The note is already signed."));
        }
        if (IsStale(http, note))
        {
            return StaleProblem(note);
        }
        var referral = await s.Db.Referrals.SingleAsync(r => r.Id == note.ReferralId, ct);
        await s.Records.EnsureTreatmentAllowedAsync(referral, note.Content.Techniques, DateOnly.FromDateTime(appointment.StartsAt.UtcDateTime), ct);

        note.Sign(referral, author, s.Now);
        if (note.Content.AdverseEvent is { } adverse)
        {
            s.Outbox.Add(new AdverseEventReported(note.Id, note.ReferralId, note.TherapistId, adverse));
        }
        if (referral.TryMarkReEvaluationDue(s.Now))
        {
            s.Outbox.Add(new ReEvaluationDue(referral.Id, note.TherapistId, referral.VisitsSinceEvaluation,
                ReEvaluationSchedule.DueBy(referral.VisitsSinceEvaluation, referral.LatestEvaluationAt!.Value, s.Now)));
        }
        s.Audit.Record(RecordTypes.VisitNote, id, note.ReferralId, AuditActions.Sign, author.OnBehalfReason);
        await s.Db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ETagOf(note);
        return TypedResults.Ok(VisitNoteResponse.From(note, [], s.Now));
    }

    public static async Task<Results<Created<AddendumResponse>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> AddAddendum(
        Guid id, AddendumRequest request, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var note = await s.Scope.VisitNotes.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (note is null)
        {
            return ClinicalProblems.NotFound("No visit note with this id.");
        }
        var addendum = Addendum.To(note, s.User.Id, request.Reason, request.Text, s.Now);
        s.Db.Addenda.Add(addendum);
        s.Audit.Record(RecordTypes.VisitNote, id, note.ReferralId, AuditActions.Addendum);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/clinical-notes/visit-notes/{id}", AddendumResponse.From(addendum));
    }

    /// <summary>Notes left unsigned for more than 24 hours, oldest first.</summary>
    public static async Task<Ok<List<UnsignedNoteResponse>>> ListOverdueUnsigned(Guid? therapistId, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var cutoff = s.Now - VisitNote.SignatureDueWithin;
        var notes = await s.Scope.VisitNotes
            .Where(n => n.SignedAt == null && n.CreatedAt < cutoff && (therapistId == null || n.TherapistId == therapistId))
            .OrderBy(n => n.CreatedAt)
            .Select(n => new UnsignedNoteResponse(n.Id, n.ReferralId, n.AppointmentId, n.TherapistId, n.CreatedAt, n.CreatedBy))
            .ToListAsync(ct);
        foreach (var n in notes)
        {
            s.Audit.Record(RecordTypes.VisitNote, n.Id, n.ReferralId, AuditActions.Read);
        }
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(notes);
    }

    private static string ETagOf(VisitNote note) => $"\"{note.Version}\"";

    // A revise or sign that names the version it read (If-Match) is refused when the note has changed since.
    private static bool IsStale(HttpContext http, VisitNote note) =>
        http.Request.Headers.IfMatch.FirstOrDefault() is { Length: > 0 } match && match.Replace("W/", "", StringComparison.Ordinal) != ETagOf(note);

    private static ProblemHttpResult StaleProblem(VisitNote note) => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The note has changed", detail: $"It is at version {ETagOf(note)} now; read it again before revising or signing it.");
}
