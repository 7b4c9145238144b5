using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class ExactlyOnceTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task The_same_event_delivered_twice_sends_one_email()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(email), new DateTimeOffset(2099, 5, 5, 14, 0, 0, TimeSpan.Zero)));

        await probe.PublishAsync(booked);
        await probe.PublishAsync(booked);

        await infrastructure.WaitForMailAsync(email);
        await Task.Delay(QuietPeriod);
        Assert.Single(infrastructure.MailTo(email));
        Assert.Single(await client.MessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentConfirmed"));
        Assert.Equal(2, (await client.MessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentReminder")).Count);
    }

    [Fact]
    public async Task An_event_redelivered_after_a_restart_is_not_sent_again()
    {
        var email = Mailbox.Unique();
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(email), new DateTimeOffset(2099, 5, 6, 14, 0, 0, TimeSpan.Zero)));
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        string database;
        await using (var first = new NotificationService(infrastructure))
        {
            database = first.DatabaseConnectionString;
            await first.StartAsync();
            await probe.PublishAsync(booked);
            await infrastructure.WaitForMailAsync(email);
        }

        await using var restarted = new NotificationService(infrastructure, databaseConnectionString: database);
        var client = await restarted.StartAsync();
        await probe.PublishAsync(booked);

        await Task.Delay(QuietPeriod);
        Assert.Single(infrastructure.MailTo(email));
        var confirmation = Assert.Single(await client.MessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentConfirmed"));
        Assert.Equal("sent", confirmation.Status);
    }

    [Fact]
    public async Task A_message_that_left_before_a_crash_lost_its_record_is_recorded_as_sent_not_sent_again()
    {
        var now = new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var service = new NotificationService(infrastructure, clock);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(email), now.AddHours(3)));
        await probe.PublishAsync(booked);
        await infrastructure.WaitForMailAsync(email);
        var reminder = Assert.Single(await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentReminder", m => m.Count == 1, "the 2 h reminder"));
        // What the dispatcher writes to Redis the moment the SMTP server accepted a message, before its database commit.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString))
        {
            await redis.GetDatabase().StringSetAsync($"notification:sent:{reminder.Id:N}", "1", TimeSpan.FromMinutes(5));
        }

        clock.SetUtcNow(reminder.DueAt);

        await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentReminder", m => m[0].Status == "sent", "reminder recorded as sent");
        await Task.Delay(QuietPeriod);
        Assert.Single(infrastructure.MailTo(email)); // the confirmation only
    }
}
