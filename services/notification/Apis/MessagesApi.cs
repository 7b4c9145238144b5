using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Application;
using MedMassage.Notification.Api.Application.Access;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.ServiceDefaults;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The delivery log: what was queued, sent, failed and why. Ops read delivery status and metadata of every message;
/// clinic admins read whole messages of their locations (see <see cref="NotificationAccess"/>). Showing a patient's
/// address is audited.
/// </summary>
public static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTag("Delivery log", "Every e-mail, SMS and in-app message sent or attempted, with each delivery attempt: for operations and clinic admins tracing what a patient or physician got.").RequireAuthorization(Policies.Operations);
        messages.MapGet("/", ListAsync).WithName("ListMessages")
            .WithSummary("The delivery log")
            .WithDescription("Messages sent or attempted (at most `limit`, 1–500), filtered by recipient, appointment, source event, status or type: what was sent to whom, on which channel, and what became of it. Operations and clinic admins; operations see no content.");
        messages.MapGet("/backlog", BacklogAsync).WithName("GetMessageBacklog")
            .WithSummary("Messages waiting to go, per channel")
            .WithDescription("How many messages of each channel wait after a failed delivery or for an unreachable server (an SMTP server down), since when, and why. Empty when everything went.");
        messages.MapGet("/{id:guid}", GetAsync).WithName("GetMessage")
            .WithSummary("One message with its delivery attempts")
            .WithDescription("A message of the delivery log with its delivery log entries (each attempt and its outcome); its text for clinic admins only. Reading it is audited.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<MessageSummary>>, ValidationProblem>> ListAsync(
        NotificationDbContext db,
        NotificationAccess access,
        ContactAudit audit,
        string? recipient,
        string? recipientKey,
        Guid? appointmentId,
        Guid? sourceEventId,
        [OneOf(typeof(MessageStatus))] string? status,
        [OneOf(typeof(MessageType))] string? type,
        int? limit,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var statusFilter = ParseEnum<MessageStatus>(status, nameof(status), errors);
        var typeFilter = ParseEnum<MessageType>(type, nameof(type), errors);
        if (limit is < 1 or > 500)
        {
            errors[nameof(limit)] = ["limit must be between 1 and 500."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = access.DeliveryLog(db.Messages.AsNoTracking());
        // Finding messages by an address discloses it: only among messages whose addresses the caller may see.
        if (recipient is not null)
        {
            query = access.Readable(query).Where(m => m.Recipient == recipient);
        }

        if (recipientKey is not null)
        {
            query = query.Where(m => m.RecipientKey == recipientKey);
        }

        if (appointmentId is not null)
        {
            query = query.Where(m => m.AppointmentId == appointmentId);
        }

        if (sourceEventId is not null)
        {
            query = query.Where(m => m.SourceEventId == sourceEventId);
        }

        if (statusFilter is not null)
        {
            query = query.Where(m => m.Status == statusFilter);
        }

        if (typeFilter is not null)
        {
            query = query.Where(m => m.MessageType == typeFilter);
        }

        var found = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.DueAt).Take(limit ?? 100).ToListAsync(ct);
        var withContent = found.Where(access.ShowsContentOf).ToHashSet();
        await audit.RecipientsShownAsync(withContent, ContactAudit.MessageRecord, ct);
        return TypedResults.Ok<IReadOnlyList<MessageSummary>>([.. found.Select(m => MessageSummary.From(m, withContent.Contains(m)))]);
    }

    private static async Task<Ok<DeliveryBacklog>> BacklogAsync(NotificationDbContext db, NotificationAccess access, CancellationToken ct)
    {
        var waiting = await access.DeliveryLog(db.Messages.AsNoTracking())
            .Where(m => m.Status == MessageStatus.Queued && m.LastError != null)
            .GroupBy(m => m.Channel)
            .Select(g => new
            {
                Channel = g.Key,
                Waiting = g.Count(),
                OldestSince = g.Min(m => m.CreatedAt),
                Reason = g.OrderByDescending(m => m.DueAt).Select(m => m.LastError).First(),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(new DeliveryBacklog([.. waiting.OrderBy(w => w.Channel).Select(w => new ChannelBacklog(w.Channel.WireName(), w.Waiting, w.OldestSince, w.Reason))]));
    }

    private static async Task<Results<Ok<MessageDetails>, NotFound>> GetAsync(
        NotificationDbContext db, NotificationAccess access, ContactAudit audit, Guid id, CancellationToken ct)
    {
        var message = await access.DeliveryLog(db.Messages.AsNoTracking()).Include(m => m.Log).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return TypedResults.NotFound();
        }
        var withContent = access.ShowsContentOf(message);
        if (withContent)
        {
            await audit.RecipientsShownAsync([message], ContactAudit.MessageRecord, ct);
            await audit.TextsShownAsync([message], ct);
        }
        return TypedResults.Ok(MessageDetails.From(message, withContent));
    }

    internal static TEnum? ParseEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }
        if (ApiJson.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }
        errors[field] = [$"{field} must be one of {string.Join(", ", ApiJson.WireNames<TEnum>())}."];
        return null;
    }
}
