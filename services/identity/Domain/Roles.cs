namespace MedMassage.Identity.Api.Domain;

/// <summary>The roles a token can carry; services authorize on these exact values (claim <c>role</c>).</summary>
public static class Roles
{
    public const string ReferringPhysician = "referring-physician";
    public const string FrontDesk = "front-desk";
    public const string Therapist = "therapist";
    public const string ClinicAdmin = "clinic-admin";
    public const string Manager = "manager";
    public const string Ops = "ops";
    public const string IntegrationClient = "integration-client";

    /// <summary>Roles a person signing in through the login page may hold.</summary>
    public static readonly IReadOnlySet<string> Staff = new HashSet<string>(StringComparer.Ordinal)
    {
        ReferringPhysician, FrontDesk, Therapist, ClinicAdmin, Manager, Ops,
    };

    /// <summary>Roles that only make sense at a location: their data is scoped to the locations they work at.</summary>
    public static readonly IReadOnlySet<string> LocationBound = new HashSet<string>(StringComparer.Ordinal)
    {
        FrontDesk, Therapist, ClinicAdmin, Manager,
    };
}
