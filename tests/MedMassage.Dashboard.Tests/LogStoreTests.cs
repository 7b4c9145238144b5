using MedMassage.AppHost.Dashboard.Telemetry;
using static MedMassage.Dashboard.Tests.Spans;

namespace MedMassage.Dashboard.Tests;

public sealed class LogStoreTests
{
    [Fact]
    public void The_oldest_records_go_first_when_the_store_is_full()
    {
        var store = new LogStore(capacity: 3);

        store.Add(Enumerable.Range(1, 5).Select(i => Log("referral-api", LogSeverity.Information, $"record {i}", second: i)));

        Assert.Equal(3, store.Count);
        Assert.Equal(["record 5", "record 4", "record 3"], store.Query(new LogQuery()).Select(l => l.Message));
        Assert.Equal([5L, 4L, 3L], store.Query(new LogQuery()).Select(l => l.Sequence));
    }

    [Fact]
    public void Logs_are_filtered_by_service_minimum_level_trace_and_text()
    {
        var store = new LogStore();
        store.Add([
            Log("referral-api", LogSeverity.Information, "Referral 42 received", trace: "abc"),
            Log("referral-api", LogSeverity.Error, "Referral 42 could not be stored", trace: "abc"),
            Log("scheduling-api", LogSeverity.Warning, "Slot 7 double-booked", trace: "def"),
            Log("scheduling-api", LogSeverity.Debug, "Polling"),
        ]);

        Assert.Equal(2, store.Query(new LogQuery(Service: "referral-api")).Count);
        Assert.Equal(["Referral 42 could not be stored", "Slot 7 double-booked"],
            store.Query(new LogQuery(MinimumLevel: LogSeverity.Warning)).Select(l => l.Message).Order());
        Assert.Equal(2, store.Query(new LogQuery(TraceId: "ABC")).Count);
        Assert.Equal(["Slot 7 double-booked"], store.Query(new LogQuery(Text: "double")).Select(l => l.Message));
        Assert.Empty(store.Query(new LogQuery(Service: "scheduling-api", MinimumLevel: LogSeverity.Error)));
    }

    [Theory]
    [InlineData(1, LogSeverity.Trace)]
    [InlineData(5, LogSeverity.Debug)]
    [InlineData(9, LogSeverity.Information)]
    [InlineData(12, LogSeverity.Information)]
    [InlineData(13, LogSeverity.Warning)]
    [InlineData(17, LogSeverity.Error)]
    [InlineData(21, LogSeverity.Critical)]
    public void Otlp_severity_numbers_map_to_levels(int severityNumber, LogSeverity expected) =>
        Assert.Equal(expected, StructuredLog.LevelOf(severityNumber));
}
