using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Security;

/// <summary>
/// A front desk could tell another location's referral from one that does not exist by the booking's answer ("The
/// referral" against "The referral or location", or an unknown therapist reported first), and read another location's
/// therapist's name in a refusal. Now all of those answer alike and name no one.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ExistenceOracleTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Booking_against_another_locations_referral_answers_exactly_as_for_one_that_does_not_exist()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var ours = await service.CreateLocationAsync();
        var theirs = await service.CreateLocationAsync();
        var ourTherapist = await service.CreateTherapistAsync(ours);
        var theirReferral = await service.AcceptReferralAsync(locationId: theirs);
        using var desk = service.CreateClientAs(TestCaller.FrontDesk(ours));
        var at = NewYork.At(2, 10);

        foreach (var therapist in new[] { ourTherapist, Guid.NewGuid() })
        {
            var existing = await AnswerAsync(desk, theirReferral, ours, therapist, at);
            var unknown = await AnswerAsync(desk, Guid.NewGuid(), ours, therapist, at);
            Assert.Equal(HttpStatusCode.NotFound, existing.Status);
            Assert.Equal(unknown, existing);
        }
    }

    [Fact]
    public async Task A_refusal_never_names_a_therapist_of_a_location_the_caller_does_not_work_at()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var ours = await service.CreateLocationAsync();
        var theirs = await service.CreateLocationAsync();
        var theirTherapist = await service.CreateTherapistAsync(theirs, "Quentin Elsewhere");
        var referral = await service.AcceptReferralAsync(locationId: ours);
        using var desk = service.CreateClientAs(TestCaller.FrontDesk(ours));

        var response = await service.CreateClientAs(TestCaller.FrontDesk(ours)).PostAsJsonAsync("/api/scheduling/appointments",
            new { referralId = referral, locationId = ours, therapistId = theirTherapist, appointmentType = "evaluation", startsAt = NewYork.At(2, 10) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.DoesNotContain("Quentin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record Answer(HttpStatusCode Status, string? Title, string? Detail, string? Rule);

    private static async Task<Answer> AnswerAsync(HttpClient desk, Guid referral, Guid location, Guid therapist, DateTimeOffset at)
    {
        var response = await desk.PostAsJsonAsync("/api/scheduling/appointments",
            new { referralId = referral, locationId = location, therapistId = therapist, appointmentType = "evaluation", startsAt = at });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string? Text(string name) => body.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new Answer(response.StatusCode, Text("title"), Text("detail"), Text("rule"));
    }
}
