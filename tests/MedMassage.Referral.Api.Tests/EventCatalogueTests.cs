using MedMassage.Testing;

namespace MedMassage.Referral.Api.Tests;

/// <summary>docs/events.md is the list of who consumes what; this service's consumers must match it exactly.</summary>
public sealed class EventCatalogueTests
{
    [Fact]
    public void The_service_consumes_exactly_the_events_the_catalogue_lists_for_it() =>
        Assert.Equal(EventCatalogue.ConsumedBy("referral"), EventCatalogue.ConsumedIn(MedMassage.Referral.Api.IntegrationEvents.EventSubscriptions.AddEventSubscriptions));
}
