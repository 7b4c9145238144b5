using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class DeliveryFailureTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task While_the_SMTP_server_is_down_delivery_waits_without_using_attempts_and_succeeds_when_it_returns()
    {
        await using var service = new NotificationService(infrastructure);
        service.Settings["Notifications:ChannelRetryInterval"] = "00:00:00.300";
        service.Settings["Notifications:MaxAttempts"] = "2"; // a server down is not the message's failure: it never gives up
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(email), new DateTimeOffset(2099, 6, 1, 14, 0, 0, TimeSpan.Zero)));

        await infrastructure.Smtp!.StopAsync();
        try
        {
            await probe.PublishAsync(booked);
            var waiting = await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentConfirmed",
                m => m.Count == 1 && m[0].LastError is not null, "waiting for the server");
            await Task.Delay(TimeSpan.FromSeconds(2)); // several retry intervals
            waiting = await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentConfirmed", m => m.Count == 1, "still waiting");
            Assert.Equal(("queued", 0), (waiting[0].Status, waiting[0].Attempts));
            Assert.Contains("could not be reached", waiting[0].LastError, StringComparison.Ordinal);
        }
        finally
        {
            await infrastructure.Smtp.StartAsync(CancellationToken.None);
        }

        Assert.Single(await infrastructure.WaitForMailAsync(email));
        var confirmation = (await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentConfirmed",
            m => m[0].Status == "sent", "sent after the server returned"))[0];
        var log = (await client.MessageAsync(confirmation.Id)).Log;
        Assert.Equal(["queued", "channel-unavailable", "sent"], log.Select(e => e.Status)); // one entry for the whole outage
        Assert.Equal(1, confirmation.Attempts);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_marked_failed_and_staff_are_alerted()
    {
        await using var service = new NotificationService(infrastructure);
        service.Settings["Notifications:RetryBaseDelay"] = "00:00:00.200";
        service.Settings["Notifications:MaxAttempts"] = "2";
        // The SMS provider answers, and refuses every message (here: a path it does not have).
        service.Settings["Notifications:SmsEndpoint"] = "http://localhost/api/notifications/dev/no-such-provider";
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var phone = $"+1555{Random.Shared.Next(1_000_000, 9_999_999)}";
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(email: null, phone, channel: "sms"), new DateTimeOffset(2099, 6, 2, 14, 0, 0, TimeSpan.Zero)));

        await probe.PublishAsync(booked);
        var failed = (await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}", m => m.Any(x => x.Status == "failed"), "delivery failed"))
            .Single(x => x.Status == "failed");

        Assert.Equal(("sms", phone), (failed.Channel, failed.Recipient));
        var details = await client.MessageAsync(failed.Id);
        Assert.Equal("failed", details.Message.Status);
        Assert.Equal(["queued", "attempt-failed", "failed"], details.Log.Select(e => e.Status));

        var alerts = await Eventually.WaitAsync(() => client.InboxAsync($"staff:{Events.Downtown.LocationId}"),
            items => items.Any(i => i.Type == "delivery-failed" && i.Body.Contains(phone, StringComparison.Ordinal)), what: "staff alert");
        Assert.Contains("AppointmentConfirmed", alerts[0].Body, StringComparison.Ordinal);
    }
}
