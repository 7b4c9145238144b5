using MedMassage.Identity.Api.Domain;

namespace Identity.Api.Tests.Domain;

public sealed class StaffMemberTests
{
    private static readonly Guid Downtown = Guid.NewGuid();

    [Fact]
    public void A_therapist_keeps_each_location_once_and_a_normalized_user_name()
    {
        var member = StaffMember.Create(Guid.NewGuid(), "  Theo.R ", "Theo", Roles.Therapist, [Downtown, Downtown, Guid.Empty], "hash");

        Assert.Equal("theo.r", member.UserName);
        Assert.Equal([Downtown], member.Locations);
        Assert.True(member.Active);
    }

    [Theory]
    [InlineData(Roles.Therapist)]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.ClinicAdmin)]
    public void A_location_bound_role_without_a_location_is_refused(string role)
    {
        var error = Assert.Throws<ArgumentException>(() => StaffMember.Create(Guid.NewGuid(), "someone", "Someone", role, [], "hash"));
        Assert.Equal("locations", error.ParamName);
    }

    [Theory]
    [InlineData(Roles.ReferringPhysician)]
    [InlineData(Roles.Ops)]
    public void Physicians_and_ops_need_no_location(string role)
    {
        var member = StaffMember.Create(Guid.NewGuid(), "someone", "Someone", role, [], "hash");
        Assert.Empty(member.Locations);
    }

    [Theory]
    [InlineData(Roles.IntegrationClient)]
    [InlineData("superuser")]
    [InlineData("")]
    public void A_person_cannot_hold_a_system_or_unknown_role(string role)
    {
        var error = Assert.Throws<ArgumentException>(() => StaffMember.Create(Guid.NewGuid(), "someone", "Someone", role, [Downtown], "hash"));
        Assert.Equal("role", error.ParamName);
    }

    [Fact]
    public void A_staff_member_without_a_password_hash_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => StaffMember.Create(Guid.NewGuid(), "someone", "Someone", Roles.Ops, [], " "));
        Assert.Equal("passwordHash", error.ParamName);
    }
}
