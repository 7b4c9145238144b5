using MedMassage.Contracts.Scheduling;
using MedMassage.Testing;
using Notification.Api.Tests.Support;

namespace Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class ExactlyOnceTests(SmtpInfrastructureFixture infrastructure)
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
        Assert.Equal("Sent", confirmation.Status);
    }
}
