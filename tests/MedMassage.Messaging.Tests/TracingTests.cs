using System.Diagnostics;
using MedMassage.Messaging.Tests.Ledger;
using MedMassage.Testing;

namespace MedMassage.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class TracingTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_event_published_through_the_outbox_continues_the_trace_of_the_request_that_recorded_it()
    {
        // What OpenTelemetry does in the services: listen to every source and record everything.
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var service = await LedgerService.StartAsync(infrastructure);
        var payment = new PaymentReceived(Guid.NewGuid(), 5);

        ActivityTraceId requestTrace;
        using (var request = new Activity("POST /payments").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            requestTrace = request.TraceId;
            await service.RecordPaymentAsync(payment);
        }

        await Eventually.WaitAsync(() => service.LedgerCountAsync(payment.PaymentId), n => n == 1, what: "payment booked");
        Assert.True(PaymentReceivedConsumer.TraceOf.TryGetValue(payment.PaymentId, out var consumerTrace), "the consumer ran without a trace");
        Assert.Equal(requestTrace, consumerTrace);
    }
}
