namespace MedMassage.ServiceDefaults.Identity;

/// <summary>The roles a MedMassage access token can carry (claim <c>role</c>), exactly as the identity service issues them.</summary>
public static class Roles
{
    public const string ReferringPhysician = "referring-physician";
    public const string FrontDesk = "front-desk";
    public const string Therapist = "therapist";
    public const string ClinicAdmin = "clinic-admin";
    /// <summary>Oversees locations' figures (outcomes, utilization, attendance); reads no clinical content.</summary>
    public const string Manager = "manager";
    public const string Ops = "ops";
    public const string IntegrationClient = "integration-client";

    /// <summary>Roles a person signing in through the login page may hold (the others are systems').</summary>
    public static readonly IReadOnlyList<string> Staff = [ReferringPhysician, FrontDesk, Therapist, ClinicAdmin, Manager, Ops];

    /// <summary>Roles whose data is scoped to the locations in their token.</summary>
    public static readonly IReadOnlyList<string> LocationBound = [FrontDesk, Therapist, ClinicAdmin, Manager];
}
