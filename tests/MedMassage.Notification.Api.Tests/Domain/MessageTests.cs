using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Preferences;
using MedMassage.Notification.Api.Domain.Templates;

namespace MedMassage.Notification.Api.Tests.Domain;

public sealed class MessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 15, 0, 0, TimeSpan.Zero); // 11:00 in Boston
    private static readonly Guid PatientId = Guid.NewGuid();

    private static Message Reminder(Channel channel = Channel.Email) => Message.Queue(
        new MessageDraft(Guid.NewGuid(), MessageType.AppointmentReminder, MessageCategory.Reminder, "America/New_York", PurposeSuffix: "120m"),
        new Recipient(Recipient.PatientKey(PatientId), channel, "p@example.test", PatientId),
        new RenderedMessage("en", "s", "body", "short"), Now, Now);

    private static PatientPreferences Preferences(bool remindersOptedOut = false, QuietHours? quiet = null)
    {
        var preferences = PatientPreferences.For(PatientId);
        preferences.Update(Channel.Email, "en", remindersOptedOut, false, quiet, Now);
        return preferences;
    }

    [Fact]
    public void A_reminder_to_a_patient_who_opted_out_of_reminders_is_suppressed() =>
        Assert.IsType<DeliveryDecision.Suppress>(Reminder().Decide(Preferences(remindersOptedOut: true), Now));

    [Fact]
    public void A_message_due_in_quiet_hours_is_deferred_to_their_end()
    {
        var decision = Reminder().Decide(Preferences(quiet: new QuietHours(new TimeOnly(10, 0), new TimeOnly(12, 0))), Now);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero), Assert.IsType<DeliveryDecision.Defer>(decision).Until);
    }

    [Fact]
    public void The_silent_inbox_ignores_quiet_hours() =>
        Assert.IsType<DeliveryDecision.Send>(Reminder(Channel.InApp).Decide(Preferences(quiet: new QuietHours(new TimeOnly(10, 0), new TimeOnly(12, 0))), Now));

    [Fact]
    public void SMS_carries_the_short_text()
    {
        Assert.Equal("short", Reminder(Channel.Sms).Body);
        Assert.Equal("body", Reminder(Channel.Email).Body);
    }

    [Fact]
    public void Waiting_for_an_unreachable_server_uses_no_attempt_however_long_and_is_logged_once_per_outage()
    {
        var message = Reminder();
        for (var i = 1; i <= 100; i++) // 25 minutes of a server down, tried every 15 s
        {
            message.WaitForChannel("The Email server could not be reached", Now.AddSeconds(15 * i), Now.AddSeconds(15 * (i - 1)));
        }

        Assert.Equal((MessageStatus.Queued, 0, Now.AddSeconds(1500)), (message.Status, message.Attempts, message.DueAt));
        Assert.Equal([LogStatus.Queued, LogStatus.ChannelUnavailable], message.Log.Select(e => e.Status));
        message.MarkSent(Now.AddSeconds(1500));
        Assert.Equal((MessageStatus.Sent, 1, null), (message.Status, message.Attempts, message.LastError));
    }

    [Fact]
    public void Failed_attempts_back_off_then_give_up_and_the_log_tells_the_story()
    {
        var message = Reminder();
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

        Assert.False(message.RecordFailure("connection refused", Now, policy));
        Assert.Equal(Now.AddSeconds(30), message.DueAt);
        Assert.False(message.RecordFailure("connection refused", Now, policy));
        Assert.Equal(Now.AddSeconds(60), message.DueAt);
        Assert.True(message.RecordFailure("connection refused", Now, policy));

        Assert.Equal(MessageStatus.Failed, message.Status);
        Assert.Equal([LogStatus.Queued, LogStatus.AttemptFailed, LogStatus.AttemptFailed, LogStatus.Failed], message.Log.Select(e => e.Status));
    }

    [Fact]
    public void Only_a_message_not_yet_sent_can_be_cancelled()
    {
        var sent = Reminder();
        sent.MarkSent(Now);
        Assert.False(sent.Cancel("appointment moved", Now));
        Assert.Equal(MessageStatus.Sent, sent.Status);

        var pending = Reminder();
        Assert.True(pending.Cancel("appointment moved", Now));
        Assert.Equal(MessageStatus.Cancelled, pending.Status);
    }

    [Fact]
    public void Back_off_doubles_and_is_capped()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
        Assert.Equal([30, 60, 120, 120], new[] { 1, 2, 3, 4 }.Select(a => policy.DelayAfter(a).TotalSeconds));
    }
}
