using MedMassage.AppHost.Dashboard.Telemetry;
using static MedMassage.Dashboard.Tests.Spans;

namespace MedMassage.Dashboard.Tests;

public sealed class TraceStoreTests
{
    [Fact]
    public void A_trace_is_summarized_by_its_root_operation_services_duration_and_errors()
    {
        var store = new TraceStore();
        store.Add([
            Span("t1", "a", null, "gateway", "GET /api/referrals", 0, 120),
            Span("t1", "c", "b", "referral-api", "SELECT referraldb", 40, 60, error: true),
        ]);
        store.Add([Span("t1", "b", "a", "referral-api", "GET /api/referrals", 10, 100)]);

        var summary = Assert.Single(store.Recent());

        Assert.Equal("t1", summary.TraceId);
        Assert.Equal("GET /api/referrals", summary.RootName);
        Assert.Equal("gateway", summary.RootService);
        Assert.Equal(["gateway", "referral-api"], summary.Services);
        Assert.Equal(TimeSpan.FromMilliseconds(120), summary.Duration);
        Assert.Equal(3, summary.SpanCount);
        Assert.Equal(1, summary.ErrorCount);
        Assert.Equal(["a", "b", "c"], store.Get("t1")!.Select(s => s.SpanId));
    }

    [Fact]
    public void A_trace_whose_root_has_not_arrived_is_led_by_its_earliest_orphan()
    {
        var summary = TraceStore.Summarize([
            Span("t1", "c", "b", "scheduling-api", "consume ReferralAccepted", 50, 70),
            Span("t1", "b", "missing", "referral-api", "POST /api/referrals/{id}/accept", 10, 40),
        ]);

        Assert.Equal("POST /api/referrals/{id}/accept", summary.RootName);
        Assert.Equal("referral-api", summary.RootService);
    }

    [Fact]
    public void The_oldest_trace_is_forgotten_when_the_store_is_full()
    {
        var store = new TraceStore(maxTraces: 3);
        foreach (var i in Enumerable.Range(1, 5))
        {
            store.Add([Span($"t{i}", "a", null, "gateway", "GET /", i * 1000, (i * 1000) + 5)]);
        }

        Assert.Equal(3, store.Count);
        Assert.Null(store.Get("t1"));
        Assert.Null(store.Get("t2"));
        Assert.Equal(["t5", "t4", "t3"], store.Recent().Select(t => t.TraceId));
    }

    [Fact]
    public void A_runaway_trace_keeps_only_its_first_spans()
    {
        var store = new TraceStore(maxSpansPerTrace: 10);

        store.Add(Enumerable.Range(0, 25).Select(i => Span("t1", $"s{i}", i == 0 ? null : "s0", "notification-api", "send", i, i + 1)));

        Assert.Equal(10, store.Get("t1")!.Count);
        Assert.Equal(15, store.DroppedSpans);
    }

    [Fact]
    public void Recent_traces_are_filtered_by_service_touched_and_by_text()
    {
        var store = new TraceStore();
        store.Add([Span("t1", "a", null, "gateway", "GET /api/referrals", 0, 10), Span("t1", "b", "a", "referral-api", "GET /api/referrals", 1, 9)]);
        store.Add([Span("t2", "a", null, "gateway", "GET /api/scheduling/slots", 100, 110), Span("t2", "b", "a", "scheduling-api", "GET slots", 101, 109)]);

        Assert.Equal(["t2"], store.Recent(service: "scheduling-api").Select(t => t.TraceId));
        Assert.Equal(["t1"], store.Recent(text: "REFERRALS").Select(t => t.TraceId));
        Assert.Equal(["t2"], store.Recent(text: "t2").Select(t => t.TraceId));
        Assert.Empty(store.Recent(service: "notification-api"));
    }
}
