using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests;

/// <summary>All tests of this assembly share one set of real servers, started once.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<SmtpInfrastructureFixture>
{
    public const string Name = "infrastructure";
}

/// <summary>The servers, the real SMTP server among them, which the notification service delivers to.</summary>
public sealed class SmtpInfrastructureFixture : InfrastructureFixture;
