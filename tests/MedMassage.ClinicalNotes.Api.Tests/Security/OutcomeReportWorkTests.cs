using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Tests.Api;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Security;

/// <summary>
/// An outcome report of a location or a therapist used to load each referral's course of care with queries of its
/// own (three or four per referral: a chain's report over thousands of referrals made tens of thousands). It now
/// loads the courses a chunk of referrals at a time, so the number of queries does not grow with the referrals.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutcomeReportWorkTests(InfrastructureFixture infrastructure)
{
    private const int Referrals = 8;

    [Fact]
    public async Task An_outcome_report_makes_the_same_few_queries_however_many_referrals_it_covers()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        for (var i = 0; i < Referrals; i++)
        {
            var referralId = await clinic.AcceptReferralAsync();
            await CourseOfCareTests.EvaluatedAsync(clinic.Therapist, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        }

        var (location, locationQueries) = await CountingQueriesAsync(clinic, $"/api/clinical-notes/outcomes/locations/{clinic.LocationId}");
        var (therapist, therapistQueries) = await CountingQueriesAsync(clinic, $"/api/clinical-notes/outcomes/therapists/{clinic.TherapistId}");

        Assert.Equal(Referrals, location.Referrals);
        Assert.Equal(Referrals, therapist.Referrals);
        Assert.True(locationQueries <= 8, $"the location's report made {locationQueries} queries for {Referrals} referrals");
        Assert.True(therapistQueries <= 8, $"the therapist's report made {therapistQueries} queries for {Referrals} referrals");
    }

    /// <summary>The report, and the database commands of its request alone (its own trace id, sent as traceparent).</summary>
    private static async Task<(OutcomeAggregateResponse Report, int Queries)> CountingQueriesAsync(Clinic clinic, string path)
    {
        var trace = ActivityTraceId.CreateRandom();
        var commands = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    commands.Add(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var report = await Clinic.ReadAsync<OutcomeAggregateResponse>(await clinic.Service.CreateClient().SendAsync(request), HttpStatusCode.OK);
        return (report, commands.Count);
    }
}
