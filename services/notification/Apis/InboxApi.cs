using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Application;
using MedMassage.Notification.Api.Application.Access;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.ServiceDefaults;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The staff in-app inbox: "staff:{location id}" for a location's alerts, "staff" for chain-wide ones. Staff read
/// the alerts of their locations, clinic admins the chain-wide ones too (see <see cref="NotificationAccess"/>).
/// </summary>
public static class InboxApi
{
    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox/{recipientKey}").WithTag("Inbox", "The staff's in-app alerts: `staff:{location id}` for a location's, `staff` for the chain-wide ones.").RequireAuthorization(Policies.ClinicStaff);
        inbox.MapGet("/", ListAsync).WithName("GetInbox")
            .WithSummary("A staff inbox's alerts")
            .WithDescription("The newest 200 alerts of the inbox `staff:{location id}` (or `staff`, chain-wide: clinic admins only), newest first; `unreadOnly=true` leaves out the read ones.");
        inbox.MapPost("/{id:guid}/read", MarkReadAsync).WithName("MarkAlertRead")
            .WithSummary("Mark an alert read")
            .WithDescription("Marks one alert of the inbox read; 404 when the alert is not in an inbox the caller may read.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<InboxItem>>> ListAsync(
        NotificationDbContext db, NotificationAccess access, ContactAudit audit, string recipientKey, bool? unreadOnly, CancellationToken ct)
    {
        var query = access.Inbox(db.Messages.AsNoTracking(), recipientKey);
        if (unreadOnly == true)
        {
            query = query.Where(m => m.ReadAt == null);
        }
        var items = await query.OrderByDescending(m => m.SentAt).Take(200).ToListAsync(ct);
        await audit.TextsShownAsync(items, ct);
        return TypedResults.Ok<IReadOnlyList<InboxItem>>([.. items.Select(m => new InboxItem(m.Id, m.MessageType.WireName(), m.Subject, m.Body, m.SentAt ?? m.CreatedAt, m.ReadAt))]);
    }

    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(
        NotificationDbContext db, NotificationAccess access, TimeProvider time, string recipientKey, Guid id, CancellationToken ct)
    {
        var message = await access.Inbox(db.Messages, recipientKey).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return TypedResults.NotFound();
        }
        message.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
