using MedMassage.ServiceDefaults.Identity;
namespace MedMassage.Identity.Api.Domain;

/// <summary>A person who signs in through the login page: clinic staff, referring physicians, operations.</summary>
public sealed class StaffMember
{
    private StaffMember() { } // EF Core

    public Guid Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public List<Guid> Locations { get; private set; } = [];
    public string PasswordHash { get; private set; } = "";

    /// <summary>A referring physician's National Provider Identifier: what "their own referrals" are matched on.</summary>
    public string? Npi { get; private set; }
    public bool Active { get; private set; }

    public static StaffMember Create(Guid id, string userName, string displayName, string role, IEnumerable<Guid> locations, string passwordHash,
        string? npi = null)
    {
        var member = new StaffMember { Id = id };
        member.Update(userName, displayName, role, locations, passwordHash, npi);
        return member;
    }

    /// <summary>
    /// One place decides what a valid staff member is: a known staff role (never the integration-client role,
    /// which belongs to systems), and at least one location for the roles whose data is per location.
    /// </summary>
    public void Update(string userName, string displayName, string role, IEnumerable<Guid> locations, string passwordHash,
        string? npi = null)
    {
        var locationList = locations.Where(l => l != Guid.Empty).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new ArgumentException("A staff member needs a user name.", nameof(userName));
        }

        if (!Roles.Staff.Contains(role))
        {
            throw new ArgumentException($"'{role}' is not a staff role.", nameof(role));
        }

        if (Roles.LocationBound.Contains(role) && locationList.Count == 0)
        {
            throw new ArgumentException($"A {role} works at one location at least.", nameof(locations));
        }

        if (role == Roles.ReferringPhysician && (npi is null || npi.Length != 10 || !npi.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException("A referring physician needs their 10-digit NPI.", nameof(npi));
        }

        if (string.IsNullOrWhiteSpace(passwordHash))
        {
            throw new ArgumentException("A staff member needs a password hash.", nameof(passwordHash));
        }

        UserName = NormalizeUserName(userName);
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? UserName : displayName.Trim();
        Role = role;
        Locations = locationList;
        PasswordHash = passwordHash;
        Npi = role == Roles.ReferringPhysician ? npi : null;
        Active = true;
    }

    /// <summary>An invited person has no password until they set one from their invitation; they cannot sign in before.</summary>
    public bool HasPassword => PasswordHash.Length > 0;

    /// <summary>A new account for someone invited by a clinic admin: valid like any staff member, without a password yet.</summary>
    public static StaffMember Invite(string userName, string displayName, string role, IEnumerable<Guid> locations, string? npi)
    {
        var member = new StaffMember { Id = Guid.NewGuid() };
        member.Update(userName, displayName, role, locations, NoPassword, npi);
        member.PasswordHash = "";
        return member;
    }

    /// <summary>Role, locations and name change; the password stays the person's own.</summary>
    public void Change(string displayName, string role, IEnumerable<Guid> locations, string? npi)
    {
        var (password, active) = (PasswordHash, Active);
        Update(UserName, displayName, role, locations, HasPassword ? password : NoPassword, npi);
        (PasswordHash, Active) = (password, active);
    }

    public void SetPasswordHash(string passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
        {
            throw new ArgumentException("A password hash is required.", nameof(passwordHash));
        }

        PasswordHash = passwordHash;
    }

    public void Deactivate() => Active = false;

    public void Activate() => Active = true;

    // Update() insists on a hash; an invited account holds this placeholder only while being validated.
    private const string NoPassword = "-";

    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();
}
