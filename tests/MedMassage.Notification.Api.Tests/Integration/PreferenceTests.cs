using System.Net;
using System.Net.Http.Json;
using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Infrastructure.Delivery;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

/// <summary>Preferences applied when messages go, on a fake clock so hours pass in an instant.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PreferenceTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task A_message_due_in_quiet_hours_waits_until_they_end_in_the_locations_zone()
    {
        // 03:30 UTC on 10 March 2026 is 23:30 on the 9th in Boston (EDT, UTC-4).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 3, 30, 0, TimeSpan.Zero));
        await using var service = new NotificationService(infrastructure, clock);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var patient = Events.Patient(email);
        await PutPreferencesAsync(client, patient.PatientId, new PreferencesRequest("email", "en", false, false, "21:00", "08:00"));
        var booked = new AppointmentBooked(Events.Appointment(patient, new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.Zero)));

        await probe.PublishAsync(booked);

        var endOfQuietHours = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero); // 08:00 EDT
        var query = $"sourceEventId={booked.EventId}&type=AppointmentConfirmed";
        await client.WaitForMessagesAsync(query, m => m.Count == 1 && m[0].DueAt == endOfQuietHours, "confirmation deferred to 08:00 local");
        clock.SetUtcNow(endOfQuietHours.AddMinutes(-1));
        await Task.Delay(QuietPeriod);
        Assert.Empty(infrastructure.MailTo(email));

        clock.SetUtcNow(endOfQuietHours);

        Assert.Single(await infrastructure.WaitForMailAsync(email));
        var sent = (await client.WaitForMessagesAsync(query, m => m[0].Status == "sent", "sent"))[0];
        Assert.Equal(endOfQuietHours, sent.SentAt);
        Assert.Contains((await client.MessageAsync(sent.Id)).Log, e => e.Status == "deferred" && e.Detail!.Contains("quiet hours 21:00–08:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patient_who_opted_out_of_reminders_gets_the_confirmation_but_no_reminder()
    {
        var now = new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var service = new NotificationService(infrastructure, clock);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var email = Mailbox.Unique();
        var patient = Events.Patient(email);
        await PutPreferencesAsync(client, patient.PatientId, new PreferencesRequest("email", "en", RemindersOptedOut: true, ClinicalOptedOut: false, null, null));
        // Starts in 3 h: the 24 h reminder is already past, the 2 h one is due in an hour.
        var booked = new AppointmentBooked(Events.Appointment(patient, now.AddHours(3)));

        await probe.PublishAsync(booked);
        await infrastructure.WaitForMailAsync(email);
        var reminderQuery = $"sourceEventId={booked.EventId}&type=AppointmentReminder";
        var reminder = Assert.Single(await client.WaitForMessagesAsync(reminderQuery, m => m.Count == 1, "the 2 h reminder"));
        Assert.Equal(now.AddHours(1), reminder.DueAt);

        clock.SetUtcNow(now.AddHours(1));

        await client.WaitForMessagesAsync(reminderQuery, m => m[0].Status == "suppressed", "reminder suppressed");
        await Task.Delay(QuietPeriod);
        var mail = Assert.Single(infrastructure.MailTo(email));
        Assert.Equal("Your appointment at MedMassage Downtown is confirmed", mail.Subject);
    }

    [Fact]
    public async Task A_spanish_speaking_patient_reached_by_SMS_gets_the_reminder_in_spanish_when_it_is_due()
    {
        var now = new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var service = new NotificationService(infrastructure, clock);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var phone = $"+1617555{Random.Shared.Next(1000, 9999)}";
        var patient = Events.Patient(email: null, phone, channel: "sms", language: "es");
        // 2 June 16:00 UTC = 12:00 in Boston; the 24 h reminder is due in 2 h.
        var booked = new AppointmentBooked(Events.Appointment(patient, now.AddHours(26)));

        await probe.PublishAsync(booked);
        var confirmation = await WaitForSmsAsync(client, phone, 1);
        Assert.StartsWith("MedMassage Downtown: cita confirmada para el martes 2 de junio de 2026, 12:00", confirmation[0].Body, StringComparison.Ordinal);

        clock.SetUtcNow(now.AddHours(2));

        var sms = await WaitForSmsAsync(client, phone, 2);
        Assert.StartsWith("Recordatorio de MedMassage Downtown: cita el martes 2 de junio de 2026, 12:00", sms[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", sms[1].Body, StringComparison.Ordinal);
    }

    private static async Task PutPreferencesAsync(HttpClient client, Guid patientId, PreferencesRequest request)
    {
        using var response = await client.PutAsJsonAsync($"/api/notifications/preferences/{patientId}", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<List<SmsRequest>> WaitForSmsAsync(HttpClient client, string phone, int count) =>
        Eventually.WaitAsync(
            async () => (await client.GetFromJsonAsync<List<SmsRequest>>("/api/notifications/dev/sms"))!.Where(s => s.To == phone).ToList(),
            s => s.Count >= count, TimeSpan.FromSeconds(30), $"{count} SMS to {phone}");
}
