using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

/// <summary>
/// The e-mails of one dispatch pass go over one SMTP connection. Each test queues one reminder per patient, all due in
/// the same pass in the order of the patients, and watches the pass through a proxy in front of the real SMTP server.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EmailSessionTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Emails_of_one_dispatch_pass_share_one_smtp_session()
    {
        await using var pass = await ReminderPass.PrepareAsync(infrastructure, patients: 4);

        var session = Assert.Single(await pass.RunAsync());

        Assert.Equal(pass.Emails, session.Recipients);
        Assert.True(session.Quit, "the session ends with QUIT when the pass is over");
        Assert.All(await pass.RemindersAsync(), r => Assert.Equal("sent", r.Status));
        foreach (var email in pass.Emails)
        {
            Assert.Equal(2, (await infrastructure.WaitForMailAsync(email, 2)).Count); // confirmation and reminder
        }
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_fails_only_that_email_and_the_session_carries_the_rest()
    {
        await using var pass = await ReminderPass.PrepareAsync(infrastructure, patients: 4);
        var refused = pass.Emails[1];
        pass.Proxy.Refuse(refused);

        var session = Assert.Single(await pass.RunAsync());

        Assert.Equal([refused], session.Refused);
        Assert.Equal(pass.Emails.Where(e => e != refused), session.Recipients);
        Assert.True(session.Quit);
        var reminders = await pass.RemindersAsync();
        var failed = Assert.Single(reminders, r => r.Recipient == refused);
        Assert.Equal(("queued", 1), (failed.Status, failed.Attempts)); // retried later, by the retry policy
        Assert.Contains("Recipient address rejected", failed.LastError, StringComparison.Ordinal);
        Assert.All(reminders.Where(r => r.Recipient != refused), r => Assert.Equal("sent", r.Status));
        Assert.Single(infrastructure.MailTo(refused)); // its confirmation only
    }

    [Fact]
    public async Task A_connection_lost_mid_pass_fails_only_that_email_and_the_next_one_reconnects()
    {
        await using var pass = await ReminderPass.PrepareAsync(infrastructure, patients: 4);
        var cutAt = pass.Emails[1];
        pass.Proxy.DropAt(cutAt);

        var sessions = await pass.RunAsync();

        Assert.Equal(2, sessions.Count);
        Assert.Equal([pass.Emails[0]], sessions[0].Recipients);
        Assert.False(sessions[0].Quit, "the first connection was cut, not closed");
        Assert.Equal(pass.Emails[2..], sessions[1].Recipients);
        Assert.True(sessions[1].Quit);
        var reminders = await pass.RemindersAsync();
        var failed = Assert.Single(reminders, r => r.Recipient == cutAt);
        Assert.Equal(("queued", 1), (failed.Status, failed.Attempts));
        Assert.All(reminders.Where(r => r.Recipient != cutAt), r => Assert.Equal("sent", r.Status));
    }

    /// <summary>
    /// A service behind an <see cref="SmtpProxy"/> with a frozen clock, one booking per patient, each a minute after
    /// the previous one, so that their reminders fall due in that order; confirmations already sent.
    /// </summary>
    private sealed class ReminderPass : IAsyncDisposable
    {
        private static readonly DateTimeOffset Now = new(2026, 6, 1, 14, 0, 0, TimeSpan.Zero);

        private readonly FakeTimeProvider _clock = new(Now);
        private readonly NotificationService _service;
        private HttpClient _client = null!;

        private ReminderPass(InfrastructureFixture infrastructure, int patients)
        {
            Proxy = new SmtpProxy(infrastructure.Smtp!.ConnectionString);
            _service = new NotificationService(infrastructure, _clock);
            _service.Settings["ConnectionStrings:smtp"] = Proxy.ConnectionString;
            Emails = [.. Enumerable.Range(0, patients).Select(i => Mailbox.Unique($"patient{i}"))];
        }

        public SmtpProxy Proxy { get; }

        /// <summary>The patients' addresses, in the order their reminders are due.</summary>
        public string[] Emails { get; }

        public static async Task<ReminderPass> PrepareAsync(InfrastructureFixture infrastructure, int patients)
        {
            var pass = new ReminderPass(infrastructure, patients);
            pass._client = await pass._service.StartAsync();
            await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString);
            for (var i = 0; i < patients; i++)
            {
                await probe.PublishAsync(new AppointmentBooked(Events.Appointment(Events.Patient(pass.Emails[i]), Now.AddHours(3).AddMinutes(i))));
            }
            foreach (var email in pass.Emails)
            {
                await infrastructure.WaitForMailAsync(email);
            }
            await pass._client.WaitForMessagesAsync("type=AppointmentReminder&status=Queued", m => m.Count == patients, "the 2 h reminders queued");
            await Eventually.WaitAsync(() => Task.FromResult(pass.Proxy.Sessions), s => s.All(x => x.Closed), what: "the confirmations' sessions closed");
            return pass;
        }

        /// <summary>Lets every reminder fall due at once and returns the SMTP sessions of the pass that handled them.</summary>
        public async Task<IReadOnlyList<SmtpSession>> RunAsync()
        {
            var before = Proxy.Sessions.Count;
            _clock.SetUtcNow((await RemindersAsync()).Max(r => r.DueAt));
            await _client.WaitForMessagesAsync("type=AppointmentReminder", m => m.All(r => r.Attempts > 0), "every reminder attempted");
            var sessions = await Eventually.WaitAsync(() => Task.FromResult(Proxy.Sessions), s => s.All(x => x.Closed), what: "the pass's sessions closed");
            return [.. sessions.Skip(before)];
        }

        public async Task<IReadOnlyList<MessageSummary>> RemindersAsync() =>
            await _client.MessagesAsync("type=AppointmentReminder");

        public async ValueTask DisposeAsync()
        {
            await _service.DisposeAsync();
            await Proxy.DisposeAsync();
        }
    }
}
