namespace MedMassage.StaffApp.Session;

/// <summary>The claims the identity service puts in a staff member's identity token, and our session id.</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Location = "location";
    public const string Npi = "npi";

    /// <summary>Names the server-side <see cref="StaffTokens"/> of this sign-in.</summary>
    public const string Session = "staff_session";
}
