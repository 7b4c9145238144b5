using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Preferences;
using MedMassage.Notification.Api.Domain.Templates;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.Notification.Api.Infrastructure.Delivery;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Notification.Api.Tests.Authorization;

/// <summary>What this service holds of one clinic: a patient with preferences, messages to them, and staff alerts.</summary>
public sealed record Clinic(
    Guid Location, Guid Patient, string PatientEmail, string PatientPhone,
    Guid EmailMessage, Guid SmsMessage, Guid Alert, Guid FailureAlert)
{
    public string StaffInbox => $"staff:{Location}";
}

/// <summary>
/// One notification service shared by the authorization tests, holding two clinics' data: callers work at
/// <see cref="A"/>, and <see cref="B"/> is another clinic of the chain; plus one chain-wide alert. The data is
/// what the consumers would have stored, written through the domain model so every test starts from known rows.
/// </summary>
public sealed class TwoClinics : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NotificationService? _service;

    public NotificationService Service => _service ?? throw new InvalidOperationException("Call StartAsync first.");
    public Clinic A { get; private set; } = null!;
    public Clinic B { get; private set; } = null!;
    public Guid ChainWideAlert { get; private set; }

    public Clinic Of(string where) => where == "own" ? A : B;

    public async Task<TwoClinics> StartAsync(InfrastructureFixture infrastructure)
    {
        await _gate.WaitAsync();
        try
        {
            if (_service is null)
            {
                var service = new NotificationService(infrastructure);
                await service.StartAsync();
                await using var scope = service.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
                A = SeedClinic(db, service.Services.GetRequiredService<SmsSink>());
                B = SeedClinic(db, service.Services.GetRequiredService<SmsSink>());
                ChainWideAlert = Sent(db, MessageType.UnsignedNotes, MessageCategory.StaffAlert, null, Recipient.Inbox(Recipient.StaffKey(null)), Guid.NewGuid()).Id;
                await db.SaveChangesAsync();
                _service = service;
            }
            return this;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Clinic SeedClinic(NotificationDbContext db, SmsSink sink)
    {
        var location = Guid.NewGuid();
        var patient = Guid.NewGuid();
        var email = Mailbox.Unique();
        var phone = $"+1617555{Random.Shared.Next(1000, 9999)}";
        var key = Recipient.PatientKey(patient);
        var mail = Sent(db, MessageType.AppointmentConfirmed, MessageCategory.Clinical, location, new Recipient(key, Channel.Email, email, patient), Guid.NewGuid());
        var sms = Sent(db, MessageType.AppointmentReminder, MessageCategory.Reminder, location, new Recipient(key, Channel.Sms, phone, patient), Guid.NewGuid());
        sink.Add(new SmsRequest(phone, sms.Body, sms.Id.ToString()));
        var alert = Sent(db, MessageType.AuthorizationRunningOut, MessageCategory.StaffAlert, location, Recipient.Inbox(Recipient.StaffKey(location)), Guid.NewGuid());
        // A failure alert names the address that failed, as the dispatcher writes it.
        var failure = Sent(db, MessageType.DeliveryFailed, MessageCategory.StaffAlert, location, Recipient.Inbox(Recipient.StaffKey(location)), mail.Id,
            $"An AppointmentConfirmed message by Email to {email} could not be delivered.");
        var preferences = PatientPreferences.For(patient);
        preferences.Update(Channel.Email, "en", false, false, null, DateTimeOffset.UtcNow);
        db.Preferences.Add(preferences);
        return new Clinic(location, patient, email, phone, mail.Id, sms.Id, alert.Id, failure.Id);
    }

    private static Message Sent(NotificationDbContext db, MessageType type, MessageCategory category, Guid? location, Recipient to, Guid sourceEventId, string? body = null)
    {
        var now = DateTimeOffset.UtcNow;
        var draft = new MessageDraft(sourceEventId, type, category, "America/New_York", location);
        var content = new RenderedMessage("en", $"{type} for {to.Address}", body ?? $"{type} text for {to.Address}", $"{type} short");
        var message = Message.Queue(draft, to, content, now, now);
        if (to.Channel == Channel.Email)
        {
            // A first attempt failed with an error quoting the address, as SMTP servers do.
            message.RecordFailure($"550 mailbox <{to.Address}> busy", now, RetryPolicy.Default);
        }
        message.MarkSent(now);
        db.Messages.Add(message);
        return message;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
        _gate.Dispose();
    }
}
