namespace MedMassage.Dashboard.Tests;

/// <summary>
/// Tests that start real servers (a broker, or the whole suite) run one after another: on a two-core machine,
/// brokers starting side by side can each take minutes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealServersCollection
{
    public const string Name = "Real servers";
}
