using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Templates;

namespace MedMassage.Notification.Api.Tests.Domain;

public sealed class ScheduleAndTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reminders_already_past_are_not_scheduled()
    {
        var reminders = ReminderSchedule.For(Now.AddHours(5), [TimeSpan.FromHours(24), TimeSpan.FromHours(2)], Now);
        var only = Assert.Single(reminders);
        Assert.Equal((Now.AddHours(3), "120m"), (only.DueAt, only.Key));
    }

    [Fact]
    public void Every_message_type_has_an_english_and_a_spanish_template() =>
        Assert.All(TemplateCatalog.Coverage(), c => Assert.True(c.Present, $"{c.Type} has no {c.Language} template"));

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("EN", "en")]
    [InlineData("fr", "en")]
    [InlineData(null, "en")]
    public void Languages_without_templates_fall_back_to_english(string? asked, string used) =>
        Assert.Equal(used, TemplateCatalog.Normalize(asked));

    [Fact]
    public void Times_are_shown_on_the_locations_wall_clock_in_the_readers_language()
    {
        var at = new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal("Tuesday, December 1, 2026 at 12:00 PM (America/New_York)",
            new TemplateValues("en").Time("t", at, "America/New_York").Values["t"]);
        Assert.Equal("martes 1 de diciembre de 2026, 18:00 (Europe/Madrid)",
            new TemplateValues("es").Time("t", at, "Europe/Madrid").Values["t"]);
    }
}
