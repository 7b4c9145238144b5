using System.Diagnostics;
using MedMassage.StaffApp.Components.Pages.FrontDesk;
using MedMassage.StaffApp.Gateway;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedMassage.StaffApp.Benchmarks;

/// <summary>Renders the week calendar to HTML on the server, as the circuit does, and prints the times.</summary>
internal static class CalendarRender
{
    public static async Task<int> RunAsync()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var monday = DateOnly.FromDateTime(DateTime.Today).AddDays(-(((int)DateTime.Today.DayOfWeek + 6) % 7));
        var days = Enumerable.Range(0, 7).Select(monday.AddDays).ToList();
        var therapists = Enumerable.Range(0, 20).Select(i => (Guid.NewGuid(), $"Therapist {i + 1}")).ToList();
        var random = new Random(7);
        var visits = Enumerable.Range(0, 500).Select(i =>
        {
            var (therapist, _) = therapists[random.Next(therapists.Count)];
            var start = new DateTimeOffset(days[random.Next(7)].ToDateTime(new TimeOnly(8 + random.Next(10), 0)), TimeSpan.Zero);
            return new AppointmentView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), therapist, Guid.NewGuid(), "treatment-45", "treatment",
                start, start.AddMinutes(45), start, start.AddMinutes(45), "Etc/UTC", "booked", null, false, null, ["myofascial-release"],
                $"Patient {i}", $"R-{i:000}-000");
        }).ToList();
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(CalendarGrid.Days)] = days,
            [nameof(CalendarGrid.Rows)] = therapists,
            [nameof(CalendarGrid.Appointments)] = visits,
        });

        var times = new List<double>();
        var length = 0;
        for (var i = 0; i < 60; i++)
        {
            var watch = Stopwatch.StartNew();
            length = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<CalendarGrid>(parameters)).ToHtmlString().Length);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var warm = times.Skip(10).Order().ToList();
        Console.WriteLine($"week calendar, 20 therapists, 500 visits: first render {times[0]:0.0} ms; warm median {warm[warm.Count / 2]:0.0} ms, p95 {warm[(int)(warm.Count * 0.95)]:0.0} ms; {length / 1024} KiB of HTML");
        return 0;
    }
}
