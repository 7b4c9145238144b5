using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class AppointmentMessagesTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Booking_an_appointment_emails_the_patient_a_confirmation_in_the_locations_local_time()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        // 15:30 UTC on 2 July is 11:30 in Boston (EDT).
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(email), new DateTimeOffset(2099, 7, 2, 15, 30, 0, TimeSpan.Zero)));

        await probe.PublishAsync(booked);

        var mail = Assert.Single(await infrastructure.WaitForMailAsync(email));
        Assert.Equal("Your appointment at MedMassage Downtown is confirmed", mail.Subject);
        var body = mail.TextBody;
        Assert.Contains("Hello Maria,", body, StringComparison.Ordinal);
        Assert.Contains("Thursday, July 2, 2099 at 11:30 AM (America/New_York)", body, StringComparison.Ordinal);
        Assert.Contains("12 Harbor St, Boston, MA 02110", body, StringComparison.Ordinal);
        Assert.Contains("+1 617 555 0100", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lopez", body, StringComparison.Ordinal); // first name only

        var confirmation = Assert.Single(await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentConfirmed",
            m => m.Count == 1 && m[0].Status == "sent", "confirmation recorded as sent"));
        var log = (await client.MessageAsync(confirmation.Id)).Log;
        Assert.Equal(["queued", "sent"], log.Select(e => e.Status));
    }

    [Fact]
    public async Task Booking_schedules_reminders_24_and_2_hours_before_the_start()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var now = DateTimeOffset.UtcNow;
        var startsAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddDays(5);
        var booked = new AppointmentBooked(Events.Appointment(Events.Patient(Mailbox.Unique()), startsAt));

        await probe.PublishAsync(booked);

        var reminders = await client.WaitForMessagesAsync($"appointmentId={booked.Appointment.AppointmentId}&type=AppointmentReminder",
            m => m.Count == 2, "two reminders");
        Assert.Equal([startsAt.AddHours(-24), startsAt.AddHours(-2)], reminders.Select(r => r.DueAt).Order());
        Assert.All(reminders, r => Assert.Equal("queued", r.Status));
    }

    [Fact]
    public async Task Rescheduling_cancels_the_old_reminders_schedules_new_ones_and_tells_the_patient()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var oldStart = new DateTimeOffset(2099, 3, 3, 14, 0, 0, TimeSpan.Zero);
        var newStart = new DateTimeOffset(2099, 3, 5, 18, 0, 0, TimeSpan.Zero);
        var appointment = Events.Appointment(Events.Patient(email), oldStart);
        await probe.PublishAsync(new AppointmentBooked(appointment));
        var query = $"appointmentId={appointment.AppointmentId}&type=AppointmentReminder";
        await client.WaitForMessagesAsync(query, m => m.Count == 2, "reminders for the booking");

        await probe.PublishAsync(new AppointmentRescheduled(appointment with { StartsAt = newStart, EndsAt = newStart.AddMinutes(45) }, oldStart, oldStart.AddMinutes(45)));

        var reminders = await client.WaitForMessagesAsync(query, m => m.Count == 4, "old and new reminders");
        Assert.Equal([oldStart.AddHours(-24), oldStart.AddHours(-2)], reminders.Where(r => r.Status == "cancelled").Select(r => r.DueAt).Order());
        Assert.Equal([newStart.AddHours(-24), newStart.AddHours(-2)], reminders.Where(r => r.Status == "queued").Select(r => r.DueAt).Order());

        var mails = await infrastructure.WaitForMailAsync(email, 2);
        var change = Assert.Single(mails, m => m.Subject == "Your appointment at MedMassage Downtown has moved");
        Assert.Contains("from Tuesday, March 3, 2099 at 9:00 AM (America/New_York) to Thursday, March 5, 2099 at 1:00 PM (America/New_York)", change.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_withdraws_the_pending_reminders_and_tells_the_patient()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var appointment = Events.Appointment(Events.Patient(email), new DateTimeOffset(2099, 4, 1, 13, 0, 0, TimeSpan.Zero));
        await probe.PublishAsync(new AppointmentBooked(appointment));
        var query = $"appointmentId={appointment.AppointmentId}&type=AppointmentReminder";
        await client.WaitForMessagesAsync(query, m => m.Count == 2, "reminders for the booking");

        await probe.PublishAsync(new AppointmentCancelled(appointment, IsLate: false, Reason: "patient request"));

        await client.WaitForMessagesAsync(query, m => m.Count == 2 && m.All(r => r.Status == "cancelled"), "reminders cancelled");
        var mails = await infrastructure.WaitForMailAsync(email, 2);
        Assert.Single(mails, m => m.Subject == "Your appointment at MedMassage Downtown is cancelled");
    }

    [Fact]
    public async Task A_booking_that_arrives_after_its_reschedule_does_not_bring_back_reminders_for_the_old_time()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var oldStart = new DateTimeOffset(2099, 8, 3, 14, 0, 0, TimeSpan.Zero);
        var newStart = oldStart.AddDays(1);
        var appointment = Events.Appointment(Events.Patient(Mailbox.Unique()), oldStart);
        var rescheduled = new AppointmentRescheduled(appointment with { StartsAt = newStart, EndsAt = newStart.AddMinutes(45) }, oldStart, oldStart.AddMinutes(45));
        var booked = new AppointmentBooked(appointment);

        await probe.PublishAsync(rescheduled);
        await client.WaitForMessagesAsync($"sourceEventId={rescheduled.EventId}&type=AppointmentReminder", m => m.Count == 2, "reminders for the new time");
        await probe.PublishAsync(booked);
        await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}", m => m.Count == 1, "the late booking handled");

        var reminders = await client.MessagesAsync($"appointmentId={appointment.AppointmentId}&type=AppointmentReminder");
        Assert.Equal([newStart.AddHours(-24), newStart.AddHours(-2)], reminders.Select(r => r.DueAt).Order());
    }
}
