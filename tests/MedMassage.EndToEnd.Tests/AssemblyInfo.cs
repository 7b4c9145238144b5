// Each suite runs a full set of servers and services; two at once would only compete for the two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
