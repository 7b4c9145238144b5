using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Integration;

[Collection(InfrastructureCollection.Name)]
public sealed class ApiValidationTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_API_answers_bad_input_with_400s_naming_every_field_and_unknown_ids_with_404s()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        var patientId = Guid.NewGuid();

        using var badPreferences = await client.PutAsJsonAsync($"/api/notifications/preferences/{patientId}",
            new PreferencesRequest("Pigeon", "fr", false, false, "25:00", null));
        Assert.Equal(HttpStatusCode.BadRequest, badPreferences.StatusCode);
        Assert.Equal(["channel", "language", "quietHoursStart"], await ErrorFieldsAsync(badPreferences));

        using var halfQuietHours = await client.PutAsJsonAsync($"/api/notifications/preferences/{patientId}",
            new PreferencesRequest("sms", "es", false, false, "21:00", null));
        Assert.Equal(["quietHours"], await ErrorFieldsAsync(halfQuietHours));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/notifications/preferences/{patientId}")).StatusCode);

        using var badFilter = await client.GetAsync("/api/notifications/messages?status=Lost&type=Telegram&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal(["limit", "status", "type"], await ErrorFieldsAsync(badFilter));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/notifications/messages/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/notifications/inbox/staff/{Guid.NewGuid()}/read", null)).StatusCode);

        using var malformed = await client.PutAsync($"/api/notifications/preferences/{patientId}", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Preferences_saved_are_read_back()
    {
        await using var service = new NotificationService(infrastructure);
        var client = await service.StartAsync();
        var patientId = Guid.NewGuid();

        using var put = await client.PutAsJsonAsync($"/api/notifications/preferences/{patientId}",
            new PreferencesRequest("sms", "es", RemindersOptedOut: true, ClinicalOptedOut: false, "22:00", "07:30"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var read = await client.GetFromJsonAsync<PreferencesResponse>($"/api/notifications/preferences/{patientId}");
        Assert.Equal(("sms", "es", true, false, "22:00", "07:30"),
            (read!.Channel, read.Language, read.RemindersOptedOut, read.ClinicalOptedOut, read.QuietHoursStart, read.QuietHoursEnd));
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }
}
