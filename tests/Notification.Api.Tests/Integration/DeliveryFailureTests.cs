using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Contracts.Scheduling;
using MedMassage.Testing;
using Notification.Api.Tests.Support;

namespace Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class DeliveryFailureTests(SmtpInfrastructureFixture infrastructure)
{
    [Fact]
    public async Task While_the_SMTP_server_is_down_delivery_is_retried_and_succeeds_when_it_returns()
    {
        await using var service = new NotificationService(infrastructure);
        service.Settings["Notifications:RetryBaseDelay"] = "00:00:00.300";
        service.Settings["Notifications:RetryMaxDelay"] = "00:00:01";
        service.Settings["Notifications:MaxAttempts"] = "100";
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(email), new DateTimeOffset(2099, 6, 1, 14, 0, 0, TimeSpan.Zero)));

        await infrastructure.Smtp!.StopAsync();
        try
        {
            await probe.PublishAsync(booked);
            await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentConfirmed",
                m => m.Count == 1 && m[0].Attempts >= 2 && m[0].Status == "Queued", "two failed attempts");
        }
        finally
        {
            await infrastructure.Smtp.StartAsync(CancellationToken.None);
        }

        Assert.Single(await infrastructure.WaitForMailAsync(email));
        var confirmation = (await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentConfirmed",
            m => m[0].Status == "Sent", "sent after the server returned"))[0];
        var log = (await client.MessageAsync(confirmation.Id)).Log;
        Assert.Equal("Queued", log[0].Status);
        Assert.Contains(log, e => e.Status == "AttemptFailed" && e.Detail is not null);
        Assert.Equal("Sent", log[^1].Status);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_marked_failed_and_staff_are_alerted()
    {
        await using var service = new NotificationService(infrastructure);
        service.Settings["Notifications:RetryBaseDelay"] = "00:00:00.200";
        service.Settings["Notifications:MaxAttempts"] = "2";
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(email), new DateTimeOffset(2099, 6, 2, 14, 0, 0, TimeSpan.Zero)));

        MessageSummary failed;
        await infrastructure.Smtp!.StopAsync();
        try
        {
            await probe.PublishAsync(booked);
            failed = (await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}", m => m.Any(x => x.Status == "Failed"), "delivery failed"))
                .Single(x => x.Status == "Failed");
        }
        finally
        {
            await infrastructure.Smtp.StartAsync(CancellationToken.None);
        }

        Assert.Equal(("Email", email), (failed.Channel, failed.Recipient));
        var details = await client.MessageAsync(failed.Id);
        Assert.Equal("Failed", details.Message.Status);
        Assert.Equal(["Queued", "AttemptFailed", "Failed"], details.Log.Select(e => e.Status));

        var alerts = await Eventually.WaitAsync(() => client.InboxAsync($"staff:{Events.Downtown.LocationId}"),
            items => items.Any(i => i.Type == "DeliveryFailed" && i.Body.Contains(email, StringComparison.Ordinal)), what: "staff alert");
        Assert.Contains("AppointmentConfirmed", alerts[0].Body, StringComparison.Ordinal);
        Assert.Empty(infrastructure.MailTo(email));
    }
}
