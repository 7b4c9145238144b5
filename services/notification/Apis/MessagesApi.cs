using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The delivery log: what was queued, sent, failed and why, for staff.</summary>
public static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTags("Delivery log");
        messages.MapGet("/", ListAsync);
        messages.MapGet("/{id:guid}", GetAsync);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<MessageSummary>>, ValidationProblem>> ListAsync(
        NotificationDbContext db,
        string? recipient,
        string? recipientKey,
        Guid? appointmentId,
        Guid? sourceEventId,
        string? status,
        string? type,
        int? limit,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        MessageStatus? statusFilter = ParseEnum<MessageStatus>(status, nameof(status), errors);
        MessageType? typeFilter = ParseEnum<MessageType>(type, nameof(type), errors);
        if (limit is < 1 or > 500)
        {
            errors[nameof(limit)] = ["limit must be between 1 and 500."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Messages.AsNoTracking();
        if (recipient is not null) query = query.Where(m => m.Recipient == recipient);
        if (recipientKey is not null) query = query.Where(m => m.RecipientKey == recipientKey);
        if (appointmentId is not null) query = query.Where(m => m.AppointmentId == appointmentId);
        if (sourceEventId is not null) query = query.Where(m => m.SourceEventId == sourceEventId);
        if (statusFilter is not null) query = query.Where(m => m.Status == statusFilter);
        if (typeFilter is not null) query = query.Where(m => m.MessageType == typeFilter);

        var found = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.DueAt).Take(limit ?? 100).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<MessageSummary>>([.. found.Select(MessageSummary.From)]);
    }

    private static async Task<Results<Ok<MessageDetails>, NotFound>> GetAsync(NotificationDbContext db, Guid id, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().Include(m => m.Log).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return TypedResults.NotFound();
        }
        var log = message.Log.OrderBy(e => e.Id).Select(e => new LogEntryResponse(e.At, e.Status.ToString(), e.Attempt, e.Detail)).ToList();
        return TypedResults.Ok(new MessageDetails(MessageSummary.From(message), message.Language, message.Subject, log));
    }

    internal static TEnum? ParseEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }
        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }
        errors[field] = [$"{field} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return null;
    }
}
