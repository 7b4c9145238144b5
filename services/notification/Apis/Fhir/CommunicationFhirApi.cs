using Hl7.Fhir.Model;
using MedMassage.Fhir;
using MedMassage.Notification.Api.Application.Access;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Notification.Api.Apis.Fhir;

using FhirAnswer = Results<FhirResult, ProblemHttpResult>;

/// <summary>
/// FHIR Communication: what was sent to the patient of a referral the system submitted, on which channel, when, and
/// what became of it. The subject line only: bodies carry personal links that are credentials.
/// </summary>
public static class CommunicationFhirApi
{
    private const string Type = "Communication";
    private const string CategorySystem = "http://terminology.hl7.org/CodeSystem/communication-category";

    public static IEndpointRouteBuilder MapCommunicationFhirApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapFhirResource(Type);
        api.MapGet("/{id}", ReadAsync).WithName("FhirReadCommunication").WithSummary("A message sent to a patient (FHIR)")
            .WithDescription("A message sent to the patient of a referral this system submitted (`system/Communication.read`), with its status; 404 for any other.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        api.MapGet("/", SearchAsync).WithName("FhirSearchCommunication").WithSummary("Search messages sent to patients (FHIR)")
            .WithDescription("By `patient`, `based-on` (the ServiceRequest: messages to its patient) and `sent`.")
            .Produces(StatusCodes.Status200OK)
            .Refuses(StatusCodes.Status400BadRequest, "A search parameter Communication does not support, or a malformed value.");
        return app;
    }

    private static IQueryable<Message> Visible(NotificationAccess access, NotificationDbContext db)
    {
        var patients = access.SubmittedReferrals.Select(r => r.PatientId);
        return db.Messages.AsNoTracking().Where(m => m.PatientId != null && patients.Contains(m.PatientId.Value));
    }

    public static async Task<FhirAnswer> ReadAsync(string id, NotificationAccess access, NotificationDbContext db, CancellationToken ct) =>
        Guid.TryParse(id, out var guid) && await Visible(access, db).FirstOrDefaultAsync(m => m.Id == guid, ct) is { } message
            ? FhirResult.Ok(ToFhir(message))
            : FhirProblems.NotFound(Type, id);

    public static async Task<FhirAnswer> SearchAsync(HttpContext http, NotificationAccess access, NotificationDbContext db, CancellationToken ct)
    {
        var search = FhirSearch.Read(http.Request, Type);
        var patient = search.Reference("patient", "Patient");
        var referral = search.Reference("based-on", "ServiceRequest");
        var sent = search.Dates("sent");
        if (search.Error is { } invalid)
        {
            return FhirProblems.Invalid(invalid);
        }
        var messages = Visible(access, db);
        messages = messages.WhereGiven(FhirReferences.AsGuid(search.Single("_id")), messageId => m => m.Id == messageId);
        messages = messages.WhereGiven(FhirReferences.AsGuid(patient), patientId => m => m.PatientId == patientId);

        if (FhirReferences.AsGuid(referral) is { } referralId)
        {
            var ofReferral = access.SubmittedReferrals.Where(r => r.Id == referralId).Select(r => r.PatientId);
            messages = messages.Where(m => ofReferral.Contains(m.PatientId!.Value));
        }
        messages = messages.Within(sent, m => m.SentAt);

        var total = await messages.CountAsync(ct);
        var page = await messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Skip(search.Skip).Take(search.Count).ToListAsync(ct);
        return FhirResult.Ok(search.Bundle(total, page.Select(m => (Resource)ToFhir(m))));
    }

    public static Communication ToFhir(Message message)
    {
        var communication = new Communication
        {
            Id = message.Id.ToString(),
            Meta = new Meta { LastUpdated = message.SentAt ?? message.CreatedAt },
            Status = message.Status switch
            {
                MessageStatus.Queued => EventStatus.Preparation,
                MessageStatus.Sent => EventStatus.Completed,
                MessageStatus.Cancelled => EventStatus.Stopped,
                _ => EventStatus.NotDone,
            },
            Category = [new CodeableConcept(CategorySystem, message.MessageType == MessageType.AppointmentReminder ? "reminder" : "notification")],
            Medium = [new CodeableConcept { Text = message.Channel.WireName() }],
            Subject = new ResourceReference(FhirReferences.To("Patient", message.PatientId!.Value)),
            Recipient = [new ResourceReference(FhirReferences.To("Patient", message.PatientId!.Value))],
            Topic = new CodeableConcept(FhirSystems.MessageKind, message.MessageType.WireName()),
            Payload = [new Communication.PayloadComponent { Content = new FhirString(message.Subject) }],
        };
        if (message.SentAt is { } sentAt)
        {
            communication.Sent = sentAt.ToString("o");
        }
        if (message.Status is MessageStatus.Failed or MessageStatus.Suppressed)
        {
            communication.StatusReason = new CodeableConcept { Text = message.Status == MessageStatus.Failed ? "delivery failed" : "not sent: the patient's preferences" };
        }
        return communication;
    }
}
