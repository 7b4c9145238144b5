using MedMassage.Identity.Api.Domain;
using MedMassage.ServiceDefaults.Identity;

namespace MedMassage.Identity.Api.Tests.Domain;

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
        var member = StaffMember.Create(Guid.NewGuid(), "someone", "Someone", role, [], "hash", npi: "1234567893");
        Assert.Empty(member.Locations);
    }

    [Fact]
    public void A_referring_physician_carries_their_NPI_and_cannot_be_created_without_one()
    {
        var physician = StaffMember.Create(Guid.NewGuid(), "doc", "Doc", Roles.ReferringPhysician, [], "hash", npi: "1234567893");
        Assert.Equal("1234567893", physician.Npi);
        var error = Assert.Throws<ArgumentException>(() => StaffMember.Create(Guid.NewGuid(), "doc2", "Doc", Roles.ReferringPhysician, [], "hash"));
        Assert.Equal("npi", error.ParamName);
    }

    [Fact]
    public void Only_a_referring_physician_keeps_an_NPI()
    {
        var therapist = StaffMember.Create(Guid.NewGuid(), "t", "T", Roles.Therapist, [Downtown], "hash", npi: "1234567893");
        Assert.Null(therapist.Npi);
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
