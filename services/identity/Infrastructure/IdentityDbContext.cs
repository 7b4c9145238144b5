using MedMassage.Identity.Api.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Identity.Api.Infrastructure;

/// <summary>
/// Staff members, OpenIddict's applications, authorizations, scopes and tokens, used client assertions, and the key ring
/// that protects the login page's cookie (shared by every replica, so a sign-in started on one finishes on another).
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<StaffInvitation> Invitations => Set<StaffInvitation>();
    public DbSet<SignInAttempts> SignInAttempts => Set<SignInAttempts>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
    }
}
