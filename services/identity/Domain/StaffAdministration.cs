using MedMassage.ServiceDefaults.Identity;
namespace MedMassage.Identity.Api.Domain;

/// <summary>
/// What a clinic admin may do with staff accounts: only for people who work at one of the admin's own locations, only
/// granting the clinic's roles, only at the admin's locations, and never to themselves. One place decides it.
/// </summary>
public sealed class StaffAdministration(Guid adminId, IReadOnlyCollection<Guid> adminLocations)
{
    /// <summary>Roles a clinic admin hands out; operations and referring physicians are set up by the chain.</summary>
    public static readonly IReadOnlyList<string> GrantableRoles = [Roles.FrontDesk, Roles.Therapist, Roles.ClinicAdmin, Roles.Manager];

    /// <summary>The admin sees and changes only people sharing one of their locations.</summary>
    public bool Manages(StaffMember member) => member.Locations.Any(adminLocations.Contains);

    /// <summary>Why this role at these locations may not be granted, or null when it may.</summary>
    public string? RefusalToGrant(string role, IReadOnlyCollection<Guid> locations)
    {
        if (!GrantableRoles.Contains(role))
        {
            return $"role: must be one of {string.Join(", ", GrantableRoles)}.";
        }
        if (locations.Count == 0)
        {
            return "locations: a staff member works at one location at least.";
        }
        return locations.All(adminLocations.Contains) ? null : "locations: only locations you work at may be granted.";
    }

    /// <summary>An admin does not lock themself out (another admin of the location can).</summary>
    public string? RefusalToDeactivate(StaffMember member) =>
        member.Id == adminId ? "You cannot deactivate your own account." : null;
}
