using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.Extensions.Hosting;

namespace MedMassage.Scheduling.Api.Tests.Security;

/// <summary>
/// A calendar feed's address is a credential: any front desk could issue or rotate it, it never expired, and its key
/// was written into traces. Now only the therapist or a clinic admin issues it, it expires, and traces mask the key.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CalendarFeedSecurityTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Only_the_therapist_or_a_clinic_admin_issues_the_feed_and_its_address_expires()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var issue = $"/api/scheduling/therapists/{dana}/calendar-feed";

        Assert.Equal(HttpStatusCode.Forbidden, (await service.CreateClientAs(TestCaller.FrontDesk(location)).PostAsync(issue, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.CreateClientAs(TestCaller.Therapist(location)).PostAsync(issue, null)).StatusCode); // a colleague
        Assert.Equal(HttpStatusCode.OK, (await service.CreateClientAs(TestCaller.ClinicAdmin(location)).PostAsync(issue, null)).StatusCode);
        var own = await service.CreateClientAs(TestCaller.Therapist(location) with { Subject = dana.ToString() }).PostAsync(issue, null);
        var feed = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await service.CreateAnonymousClient().GetAsync(feed)).StatusCode);

        service.Time.Advance(TimeSpan.FromDays(181));
        Assert.Equal(HttpStatusCode.NotFound, (await service.CreateAnonymousClient().GetAsync(feed)).StatusCode);
    }

    [Fact]
    public async Task The_feed_key_never_reaches_a_trace()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var issued = await service.Client.PostAsync($"/api/scheduling/therapists/{dana}/calendar-feed", null);
        var feed = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var key = feed.Split('/')[^1][..^4];
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        Assert.Equal(HttpStatusCode.OK, (await service.CreateAnonymousClient().GetAsync(feed)).StatusCode);

        var ours = spans.Where(s => s.Tags.Any(t => t.Value?.Contains(dana.ToString(), StringComparison.Ordinal) == true)).ToList();
        Assert.NotEmpty(ours);
        Assert.DoesNotContain(ours, s => s.DisplayName.Contains(key, StringComparison.Ordinal) || s.Tags.Any(t => t.Value?.Contains(key, StringComparison.Ordinal) == true));
        Assert.Contains(ours, s => s.GetTagItem("url.path") is string path && path.EndsWith($"/{SecretUrls.Mask}.ics", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/scheduling/calendar-feeds/3f1c/abcDEF_-123.ics", "/api/scheduling/calendar-feeds/3f1c/[secret].ics")]
    [InlineData("http://gw/api/clinical-notes/links/documents/CfDJ8abc-def?x=1", "http://gw/api/clinical-notes/links/documents/[secret]?x=1")]
    [InlineData("/api/referrals/links/clearances/CfDJ8xyz/confirm", "/api/referrals/links/clearances/[secret]/confirm")]
    [InlineData("/api/scheduling/appointments/3f1c", "/api/scheduling/appointments/3f1c")]
    public void Credentials_in_addresses_are_masked_and_nothing_else(string url, string expected) =>
        Assert.Equal(expected, SecretUrls.Redact(url));
}
