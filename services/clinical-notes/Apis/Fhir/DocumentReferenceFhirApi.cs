using System.Text;
using Hl7.Fhir.Model;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Documents;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.Fhir;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis.Fhir;

using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>
/// FHIR DocumentReference: the progress reports and discharge summaries issued to the physician (their fixed HTML
/// inline), and the addenda that corrected a visit already reported, each appending to the first report that
/// covered that visit (<c>relatesTo</c>).
/// </summary>
public static class DocumentReferenceFhirApi
{
    private const string Type = "DocumentReference";
    public const string ProgressNote = "11506-3";
    public const string DischargeSummary = "18842-5";

    public static IEndpointRouteBuilder MapDocumentReferenceFhirApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapFhirResource(Type);
        api.MapGet("/{id}", ReadAsync).WithName("FhirReadDocumentReference").WithSummary("A report or addendum (FHIR)")
            .WithDescription("A progress report, discharge summary or addendum of a referral this system sent, the HTML attached (`system/DocumentReference.read`); 404 for any other.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        api.MapGet("/", SearchAsync).WithName("FhirSearchDocumentReference").WithSummary("Search reports and addenda (FHIR)")
            .WithDescription("By `patient`, `related` (the ServiceRequest), `type` (LOINC 11506-3 progress note, 18842-5 discharge summary) and `date`.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "A search parameter DocumentReference does not support, or a malformed value.");
        return app;
    }

    public static async Task<FhirAnswer> ReadAsync(string id, [AsParameters] ClinicalServices services, CancellationToken ct)
    {
        // Only the referral the document (or addendum) belongs to is loaded; LoadAsync still decides whether it is the caller's.
        var referralId = Guid.TryParse(id, out var guid)
            ? await services.Db.Documents.Where(d => d.Id == guid).Select(d => (Guid?)d.ReferralId).FirstOrDefaultAsync(ct)
                ?? await services.Db.Addenda.Where(a => a.Id == guid)
                    .Join(services.Db.VisitNotes, a => a.NoteId, n => n.Id, (_, n) => (Guid?)n.ReferralId).FirstOrDefaultAsync(ct)
            : null;
        var found = referralId is { } owner ? (await LoadAsync(services, owner, ct)).FirstOrDefault(d => d.Id == id) : null;
        return found is null ? FhirProblems.NotFound(Type, id) : FhirResult.Ok(found);
    }

    public static async Task<FhirAnswer> SearchAsync(HttpContext http, [AsParameters] ClinicalServices services, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, Type);
        var patient = search.Reference("patient", "Patient");
        var referral = search.Reference("related", "ServiceRequest");
        var dates = search.Dates("date");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        var type = search.Token("type")?.Code;
        var found = (await LoadAsync(services, FhirReferences.AsGuid(referral), ct))
            .Where(d => patient is null || d.Subject!.Reference == $"Patient/{patient}")
            .Where(d => type is null || d.Type!.Coding.Any(c => c.Code == type))
            .Where(d => dates is null || d.Date is { } date && dates.Contains(date))
            .Where(d => search.Single("_id") is not { } id || d.Id == id)
            .ToList();
        return FhirResult.Ok(search.Bundle(found));
    }

    private static async Task<List<DocumentReference>> LoadAsync(ClinicalServices services, Guid? referralId, CancellationToken ct)
    {
        var referrals = services.Scope.SubmittedReferrals;
        referrals = referrals.WhereGiven(referralId, only => r => r.Id == only);

        var patients = await referrals.ToDictionaryAsync(r => r.Id, r => r.PatientId, ct);
        var ids = patients.Keys.ToList();
        var documents = await services.Db.Documents.AsNoTracking().Where(d => ids.Contains(d.ReferralId)).OrderBy(d => d.IssuedAt).ToListAsync(ct);
        var addenda = await services.Db.Addenda.AsNoTracking()
            .Join(services.Db.VisitNotes.AsNoTracking().Where(n => ids.Contains(n.ReferralId)), a => a.NoteId, n => n.Id, (a, n) => new { Addendum = a, Note = n })
            .OrderBy(x => x.Addendum.WrittenAt).ToListAsync(ct);
        foreach (var d in documents)
        {
            services.Audit.Record(RecordTypes.Document, d.Id, d.ReferralId, AuditActions.Read);
        }

        foreach (var x in addenda)
        {
            services.Audit.Record(RecordTypes.VisitNote, x.Note.Id, x.Note.ReferralId, AuditActions.Read);
        }

        await services.Db.SaveChangesAsync(ct);

        var result = documents.Select(d => Report(d, patients[d.ReferralId])).ToList();
        foreach (var x in addenda)
        {
            // The first report issued after the note was signed is the one that carried the visit.
            var reported = documents.FirstOrDefault(d => d.ReferralId == x.Note.ReferralId && d.IssuedAt >= x.Note.SignedAt);
            result.Add(Addendum(x.Addendum, x.Note, patients[x.Note.ReferralId], reported));
        }
        return result;
    }

    private static DocumentReference Report(ClinicalDocument document, Guid patientId)
    {
        var code = document.Kind == DocumentKind.DischargeSummary ? DischargeSummary : ProgressNote;
        var reference = Base(document.Id, patientId, document.ReferralId, document.IssuedAt, document.IssuedBy, code,
            document.Kind == DocumentKind.DischargeSummary ? "Discharge summary" : "Progress note");
        reference.Description = document.Title;
        reference.Content.Add(new DocumentReference.ContentComponent
        {
            Attachment = new Attachment { ContentType = "text/html", Language = "en", Title = document.Title, Data = Encoding.UTF8.GetBytes(document.Html), Creation = document.IssuedAt.ToString("o") },
        });
        return reference;
    }

    private static DocumentReference Addendum(Addendum addendum, VisitNote note, Guid patientId, ClinicalDocument? reported)
    {
        var reference = Base(addendum.Id, patientId, note.ReferralId, addendum.WrittenAt, addendum.Author, ProgressNote, "Progress note");
        reference.Description = $"Addendum to the visit note of {note.SignedAt:yyyy-MM-dd}: {addendum.Reason}";
        reference.Content.Add(new DocumentReference.ContentComponent
        {
            Attachment = new Attachment { ContentType = "text/plain", Title = "Addendum", Data = Encoding.UTF8.GetBytes(addendum.Text), Creation = addendum.WrittenAt.ToString("o") },
        });
        if (reported is not null)
        {
            reference.RelatesTo.Add(new DocumentReference.RelatesToComponent
            {
                Code = DocumentRelationshipType.Appends,
                Target = new ResourceReference(FhirReferences.To(Type, reported.Id)),
            });
        }
        return reference;
    }

    private static DocumentReference Base(Guid id, Guid patientId, Guid referralId, DateTimeOffset at, string author, string code, string display) => new()
    {
        Id = id.ToString(),
        Meta = new Meta { LastUpdated = at },
        Status = DocumentReferenceStatus.Current,
        DocStatus = CompositionStatus.Final,
        Type = new CodeableConcept(FhirSystems.Loinc, code, display),
        Subject = new ResourceReference(FhirReferences.To("Patient", patientId)),
        Date = at,
        Author = [new ResourceReference { Display = author }],
        Context = new DocumentReference.ContextComponent { Related = [new ResourceReference(FhirReferences.To("ServiceRequest", referralId))] },
    };
}
