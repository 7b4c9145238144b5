using MedMassage.Identity.Api.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.Identity.Api.Infrastructure.EntityConfigurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff_members");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.UserName).IsUnique();
    }
}

internal sealed class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.ToTable("staff_invitations");
        builder.HasKey(i => i.Id);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.StaffId); // inserted after the person it invites
    }
}

internal sealed class SignInAttemptsConfiguration : IEntityTypeConfiguration<SignInAttempts>
{
    public void Configure(EntityTypeBuilder<SignInAttempts> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => a.UserName);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}
