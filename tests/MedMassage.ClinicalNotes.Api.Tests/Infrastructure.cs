using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests;

/// <summary>All tests of this assembly share one set of real servers, started once.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
