namespace MedMassage.EndToEnd.Tests.StaffApp;

/// <summary>The development accounts the browser tests sign in with.</summary>
internal static class Staff
{
    // The seeded clinic admin of Riverside also works the front desk there (the front-desk policy admits clinic admins).
    public const string DeskUser = "admin";
    public const string DeskPassword = "dev-admin";
}
