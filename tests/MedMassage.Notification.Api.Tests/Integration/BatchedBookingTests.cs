using System.Net;
using System.Net.Http.Json;
using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

/// <summary>A busy booking hour: bookings reach the service together and are applied as one batch.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BatchedBookingTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Bookings_arriving_together_are_each_confirmed_once_in_their_patients_language_with_their_reminders()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
        var patients = Enumerable.Range(0, 20).Select(_ => Events.Patient(Mailbox.Unique())).ToList();
        // Every other patient chose Spanish: preferences read for the whole batch must still reach the right patient.
        var spanish = patients.Where((_, i) => i % 2 == 0).Select(p => p.PatientId).ToHashSet();
        foreach (var id in spanish)
        {
            using var response = await client.PutAsJsonAsync($"/api/notifications/preferences/{id}", new PreferencesRequest("email", "es", false, false, null, null));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var bookings = patients.Select((p, i) => new AppointmentBooked(Events.Appointment(p, new DateTimeOffset(2099, 7, 2, 13 + i % 6, 0, 0, TimeSpan.Zero)))).ToList();

        await Task.WhenAll(bookings.Select(b => probe.PublishAsync(b)));

        foreach (var patient in patients)
        {
            var mail = Assert.Single(await infrastructure.WaitForMailAsync(patient.Email!));
            Assert.Equal(spanish.Contains(patient.PatientId)
                ? "Su cita en MedMassage Downtown está confirmada"
                : "Your appointment at MedMassage Downtown is confirmed", mail.Subject);
        }
        foreach (var booked in bookings)
        {
            await client.WaitForMessagesAsync($"sourceEventId={booked.EventId}&type=AppointmentReminder", m => m.Count == 2, "24 h and 2 h reminders");
        }
    }
}
