namespace MedMassage.Identity.Api.Infrastructure.Clients;

/// <summary>
/// Section <c>Identity:StaffApp</c>: the staff web app's client, registered from configuration in every environment,
/// so a production install lets its people in without the development seed.
/// </summary>
public sealed class StaffAppOptions
{
    public const string Section = "Identity:StaffApp";

    public string ClientId { get; set; } = "staff-web";

    public string DisplayName { get; set; } = "MedMassage staff app";

    /// <summary>Where the app receives the code, e.g. <c>https://clinic.example/staff/signin-oidc</c>.</summary>
    public List<Uri> RedirectUris { get; set; } = [];

    /// <summary>Where the app lands after signing out, e.g. <c>https://clinic.example/staff/signout-callback-oidc</c>.</summary>
    public List<Uri> PostLogoutRedirectUris { get; set; } = [];
}
