using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The in-app inbox of one recipient: "patient:{id}", "physician:{npi}", "staff" or "staff:{location id}".
/// </summary>
public static class InboxApi
{
    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox/{recipientKey}").WithTags("Inbox");
        inbox.MapGet("/", ListAsync);
        inbox.MapPost("/{id:guid}/read", MarkReadAsync);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<InboxItem>>> ListAsync(NotificationDbContext db, string recipientKey, bool? unreadOnly, CancellationToken ct)
    {
        var query = db.Messages.AsNoTracking()
            .Where(m => m.Channel == Channel.InApp && m.RecipientKey == recipientKey && m.Status == MessageStatus.Sent);
        if (unreadOnly == true)
        {
            query = query.Where(m => m.ReadAt == null);
        }
        var items = await query.OrderByDescending(m => m.SentAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<InboxItem>>([.. items.Select(m => new InboxItem(m.Id, m.MessageType.ToString(), m.Subject, m.Body, m.SentAt ?? m.CreatedAt, m.ReadAt))]);
    }

    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(NotificationDbContext db, TimeProvider time, string recipientKey, Guid id, CancellationToken ct)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == id && m.Channel == Channel.InApp && m.RecipientKey == recipientKey && m.Status == MessageStatus.Sent, ct);
        if (message is null)
        {
            return TypedResults.NotFound();
        }
        message.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
