using MedMassage.Notification.Api.Application.Composition;
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
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<DueMessages> logger)
{
    private readonly HashSet<Channel> _unreachable = [];

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

        var toSend = new List<Message>(due.Count);
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
                    toSend.Add(message);
                    break;
            }
        }

        // Declared after the transaction, so disposed before it, yet after the commit: QUIT never holds the row locks.
        await using var sessions = new ChannelSessions(senders);
        if (toSend.Count > 0)
        {
            await SendAllAsync(toSend, sessions, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    private async Task SendAllAsync(List<Message> messages, ChannelSessions sessions, CancellationToken ct)
    {
        var alreadySent = await markers.SentAmongAsync([.. messages.Select(m => m.Id)]);
        var marking = new List<Task>(messages.Count);
        foreach (var message in messages)
        {
            if (alreadySent.Contains(message.Id))
            {
                message.MarkSent(time.GetUtcNow()); // sent before a crash lost the record of it
                continue;
            }
            if (await TrySendAsync(message, sessions, ct))
            {
                // The marker goes out now, before the next message; it is awaited below, before the commit records the send.
                marking.Add(markers.MarkSentAsync(message.Id));
                message.MarkSent(time.GetUtcNow());
            }
        }
        await Task.WhenAll(marking);
    }

    private async Task<bool> TrySendAsync(Message message, ChannelSessions sessions, CancellationToken ct)
    {
        try
        {
            await sessions.For(message.Channel).SendAsync(message, ct);
            return true;
        }
        catch (ChannelUnavailableException e) when (!ct.IsCancellationRequested)
        {
            // The server is down, not the message at fault: it waits for the server without using up its attempts.
            var reason = PersonalData.Mask(e.Message);
            message.WaitForChannel(reason, time.GetUtcNow() + options.Value.ChannelRetryInterval, time.GetUtcNow());
            if (_unreachable.Add(e.Channel))
            {
                logger.LogWarning("{Channel} unreachable; its messages wait and are tried again every {Interval}: {Error}",
                    e.Channel, options.Value.ChannelRetryInterval, reason);
            }
            return false;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var error = PersonalData.Mask(e.Message);
            logger.LogWarning("Delivering message {MessageId} by {Channel} failed: {Error}", message.Id, message.Channel, error);
            if (message.RecordFailure(error, time.GetUtcNow(), options.Value.Retry))
            {
                RaiseDeliveryFailed(message);
            }
            return false;
        }
    }

    /// <summary>Nothing is dropped silently: staff see it in their inbox.</summary>
    private void RaiseDeliveryFailed(Message message)
    {
        composer.ToStaff(
            new MessageDraft(message.Id, MessageType.DeliveryFailed, MessageCategory.StaffAlert, message.TimeZone, message.LocationId),
            v => v.Set("type", message.MessageType.ToString()).Set("channel", message.Channel.ToString())
                .Set("recipient", message.Recipient).Set("attempts", message.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set("error", message.LastError));
    }
}
