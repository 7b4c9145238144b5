namespace MedMassage.Faults.Tests.Replicas;

/// <summary>The whole suite with two replicas of every domain service and of identity (<c>--replicas 2</c>).</summary>
public sealed class ReplicaSuite : FaultSuite
{
    /// <summary>The second replica of each, killed in the test; the first goes on serving.</summary>
    public static readonly string[] SecondReplicas = ["identity-api-2", "referral-api-2", "scheduling-api-2", "clinical-notes-api-2", "notification-api-2"];

    protected override string[] AppHostArgs => ["--replicas", "2"];
}

[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaSuite>
{
    public const string Name = "replicas";
}
