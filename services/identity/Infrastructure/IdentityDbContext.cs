using MedMassage.Identity.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Identity.Api.Infrastructure;

/// <summary>Staff members, OpenIddict's applications, authorizations, scopes and tokens, and used client assertions.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<StaffInvitation> Invitations => Set<StaffInvitation>();
    public DbSet<SignInAttempts> SignInAttempts => Set<SignInAttempts>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<StaffMember>(staff =>
        {
            staff.ToTable("staff_members");
            staff.HasKey(s => s.Id);
            staff.HasIndex(s => s.UserName).IsUnique();
        });
        modelBuilder.Entity<SignInAttempts>(attempts =>
        {
            attempts.ToTable("sign_in_attempts");
            attempts.HasKey(a => a.UserName);
        });
        modelBuilder.Entity<StaffInvitation>(invitation =>
        {
            invitation.ToTable("staff_invitations");
            invitation.HasKey(i => i.Id);
            invitation.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.StaffId); // inserted after the person it invites
        });
    }
}
