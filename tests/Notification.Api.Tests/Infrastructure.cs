using MedMassage.Testing;

namespace Notification.Api.Tests;

/// <summary>All tests of this assembly share one set of real servers, started once.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<SmtpInfrastructureFixture>
{
    public const string Name = "infrastructure";
}

/// <summary>The notification service also needs the real SMTP server.</summary>
public sealed class SmtpInfrastructureFixture : InfrastructureFixture
{
    protected override bool NeedsSmtp => true;
}
