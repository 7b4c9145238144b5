using MedMassage.Notification.Api.Infrastructure;

namespace MedMassage.Notification.Api.Tests.Domain;

public sealed class OptionsTests
{
    private static readonly Guid Clinic = Guid.NewGuid();

    [Fact]
    public void Reminders_default_to_24_and_2_hours_before() =>
        Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(2)], new NotificationOptions().RemindersFor(Clinic));

    [Fact]
    public void A_location_can_have_its_own_reminder_times()
    {
        var options = new NotificationOptions
        {
            ReminderOffsets = [TimeSpan.FromHours(48)],
            LocationReminderOffsets = { [Clinic.ToString()] = [TimeSpan.FromHours(3)] },
        };
        Assert.Equal([TimeSpan.FromHours(3)], options.RemindersFor(Clinic));
        Assert.Equal([TimeSpan.FromHours(48)], options.RemindersFor(Guid.NewGuid()));
    }
}
