namespace MedMassage.Referral.Api.Domain;

/// <summary>Who caused a change: a signed-in user, or another service whose event we applied.</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor Service(string name) => new($"service:{name}", name);
}
