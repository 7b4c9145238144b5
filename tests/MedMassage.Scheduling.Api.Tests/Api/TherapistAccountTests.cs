using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class TherapistAccountTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_therapist_set_up_with_their_staff_account_keeps_its_id_and_is_set_up_once()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var account = Guid.NewGuid();
        var profile = new
        {
            id = account, name = "Theo Rapist", licenceNumber = "MT-2001", licenceState = "NY", licenceExpiresOn = "2030-01-01",
            certifications = Array.Empty<string>(), specialties = Array.Empty<string>(), locationIds = new[] { location },
        };

        var created = await service.Client.PostAsJsonAsync("/api/scheduling/therapists", profile);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(account, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var again = await service.Client.PostAsJsonAsync("/api/scheduling/therapists", profile with { name = "Someone Else" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Theo Rapist", (await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/therapists/{account}")).GetProperty("name").GetString());
    }
}
