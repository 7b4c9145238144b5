using MedMassage.Contracts.Notifications;
using MedMassage.Messaging.Outbox;
using MedMassage.Notification.Api.Composition;
using MedMassage.Notification.Api.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>One dispatch pass: claim due messages, apply the patient's preferences, send, record the outcome.</summary>
internal sealed class DueMessages(
    NotificationDbContext db,
    IEnumerable<IChannelSender> senders,
    DeliveryMarkers markers,
    MessageComposer composer,
    IIntegrationEventOutbox outbox,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<DueMessages> logger)
{
    public async Task<int> DispatchAsync(int batchSize, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Messages
            .FromSql($"""
                SELECT * FROM messages
                WHERE status = 'Queued' AND due_at <= {now}
                ORDER BY due_at LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var patientIds = due.Where(m => m.PatientId is not null).Select(m => m.PatientId!.Value).Distinct().ToList();
        var preferences = await db.Preferences.Where(p => patientIds.Contains(p.PatientId)).ToDictionaryAsync(p => p.PatientId, ct);

        foreach (var message in due)
        {
            var decision = message.Decide(message.PatientId is { } id ? preferences.GetValueOrDefault(id) : null, now);
            switch (decision)
            {
                case DeliveryDecision.Suppress s:
                    message.Suppress(s.Reason, now);
                    break;
                case DeliveryDecision.Defer d:
                    message.Defer(d.Until, d.Reason, now);
                    break;
                default:
                    await SendAsync(message, ct);
                    break;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    private async Task SendAsync(Message message, CancellationToken ct)
    {
        if (await markers.WasSentAsync(message.Id))
        {
            message.MarkSent(time.GetUtcNow()); // sent before a crash lost the record of it
            return;
        }
        try
        {
            await senders.Single(s => s.Channel == message.Channel).SendAsync(message, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Delivering message {MessageId} by {Channel} failed: {Error}", message.Id, message.Channel, e.Message);
            if (message.RecordFailure(e.Message, time.GetUtcNow(), options.Value.Retry))
            {
                RaiseDeliveryFailed(message);
            }
            return;
        }
        await markers.MarkSentAsync(message.Id);
        message.MarkSent(time.GetUtcNow());
    }

    /// <summary>Nothing is dropped silently: staff see it in their inbox and other services get the event.</summary>
    private void RaiseDeliveryFailed(Message message)
    {
        composer.ToStaff(
            new MessageDraft(message.Id, MessageType.DeliveryFailed, MessageCategory.StaffAlert, message.TimeZone, message.LocationId),
            v => v.Set("type", message.MessageType.ToString()).Set("channel", message.Channel.ToString())
                .Set("recipient", message.Recipient).Set("attempts", message.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set("error", message.LastError));
        outbox.Add(new NotificationDeliveryFailed(message.Id, message.SourceEventId, message.Channel.ToString(), message.Recipient, message.LastError ?? "", message.Attempts));
    }
}
