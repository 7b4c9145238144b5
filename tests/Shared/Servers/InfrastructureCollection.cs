namespace MedMassage.Testing;

/// <summary>
/// All tests of a test assembly that runs services share one set of real servers, started once. xUnit finds
/// collections only in the test assembly itself, so this one file is compiled into each of them (tests/Directory.Build.props).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
