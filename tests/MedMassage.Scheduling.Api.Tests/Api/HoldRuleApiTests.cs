using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace MedMassage.Scheduling.Api.Tests.Api;

/// <summary>A hold keeps a slot the booking would then take, so it is decided by the booking's rules.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class HoldRuleApiTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_hold_the_booking_would_refuse_is_refused_with_the_same_problem_and_takes_nothing()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes", ["lymphatic drainage"]);
        var uncertified = await service.CreateTherapistAsync(location, "Max Roth");
        var lapsed = await service.CreateTherapistAsync(location, "Lee Park", ["lymphatic drainage"], licenceExpiresOn: "2026-06-01");
        var referral = await service.AcceptReferralAsync(["lymphatic drainage"], validUntil: new DateOnly(2026, 6, 30));

        (Guid Therapist, string Type, DateTimeOffset At, string Rule)[] refused =
        [
            (uncertified, "evaluation", NewYork.At(2, 10), "therapist-certification"),
            (lapsed, "evaluation", NewYork.At(2, 10), "therapist-licence"),
            (dana, "treatment-45", NewYork.At(2, 10), "evaluation-first"),
            (dana, "evaluation", NewYork.At(2, 16, 30), "therapist-unavailable"),
            (dana, "evaluation", new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(-4)), "after-valid-until"),
        ];
        foreach (var (therapist, type, at, rule) in refused)
        {
            var booking = await service.BookAsync(referral, location, therapist, type, at);
            var hold = await HoldAsync(service, referral, therapist, type, at);

            Assert.Equal(rule, await SchedulingService.RuleOf(booking));
            Assert.Equal(rule, await SchedulingService.RuleOf(hold));
            Assert.Equal(await ProblemTypeOf(booking), await ProblemTypeOf(hold));
        }

        var redis = service.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        foreach (var therapist in new[] { dana, uncertified, lapsed })
        {
            Assert.Equal(0, await redis.SortedSetLengthAsync($"scheduling:holds:{therapist}"));
        }
        // What the booking accepts, the hold accepts.
        Assert.Equal(HttpStatusCode.Created, (await HoldAsync(service, referral, dana, "evaluation", NewYork.At(2, 10))).StatusCode);
    }

    [Fact]
    public async Task A_hold_names_its_location_and_is_refused_for_one_the_therapist_does_not_work_at()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var elsewhere = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();

        var there = await service.Client.PostAsJsonAsync("/api/scheduling/holds",
            new { referralId = referral, therapistId = dana, locationId = elsewhere, appointmentType = "evaluation", startsAt = NewYork.At(2, 10) });
        var here = await service.Client.PostAsJsonAsync("/api/scheduling/holds",
            new { referralId = referral, therapistId = dana, locationId = location, appointmentType = "evaluation", startsAt = NewYork.At(2, 10) });

        Assert.Equal("therapist-location", await SchedulingService.RuleOf(there));
        Assert.Equal("therapist-location", await SchedulingService.RuleOf(await service.BookAsync(referral, elsewhere, dana, "evaluation", NewYork.At(2, 10))));
        Assert.Equal(HttpStatusCode.Created, here.StatusCode);
    }

    private static Task<HttpResponseMessage> HoldAsync(SchedulingService service, Guid referralId, Guid therapistId, string type, DateTimeOffset startsAt) =>
        service.Client.PostAsJsonAsync("/api/scheduling/holds", new { referralId, therapistId, appointmentType = type, startsAt });

    private static async Task<string?> ProblemTypeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString();
}
