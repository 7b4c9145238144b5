using MedMassage.Referral.Api.Apis;
using MedMassage.Referral.Api.Domain;

namespace MedMassage.Referral.Api.Tests.Domain;

public sealed class CodeTests
{
    [Theory]
    [InlineData("M54.50", true)]
    [InlineData("S13.4XXA", true)]
    [InlineData("G43.909", true)]
    [InlineData("m79.7", true)]
    [InlineData("M79", true)]
    [InlineData("M79.", false)]
    [InlineData("U07.1", false)]
    [InlineData("1M7.9", false)]
    public void Icd10_format(string code, bool valid) => Assert.Equal(valid, Icd10.IsValidFormat(code));

    [Fact]
    public void The_common_codes_from_the_domain_reference_have_names()
    {
        Assert.Equal("Fibromyalgia", Icd10.Describe("m79.7"));
        Assert.Equal("Plantar fascial fibromatosis (plantar fasciitis)", Icd10.Describe("M72.2"));
        Assert.Null(Icd10.Describe("M99.01"));
    }

    [Theory]
    [InlineData("1234567893", true)]
    [InlineData("1245319599", true)]
    [InlineData("1234567890", false)]
    [InlineData("123456789", false)]
    [InlineData("12345678A3", false)]
    [InlineData(null, false)]
    public void Npi_check_digit(string? npi, bool valid) => Assert.Equal(valid, Npi.IsValid(npi));

    [Theory]
    [InlineData(null, true)]
    [InlineData("*", true)]
    [InlineData("\"7\"", true)]
    [InlineData("\"3\", \"7\"", true)]
    [InlineData("\"6\"", false)]
    [InlineData("W/\"7\"", false)]
    public void If_match(string? header, bool matches) =>
        Assert.Equal(matches, ETags.Matches(header is null ? default : new Microsoft.Extensions.Primitives.StringValues(header), 7));

    [Fact]
    public void Status_names_round_trip()
    {
        foreach (var status in Enum.GetValues<ReferralStatus>())
        {
            Assert.True(ReferralStatusNames.TryParse(status.ToName(), out var parsed));
            Assert.Equal(status, parsed);
        }
        Assert.False(ReferralStatusNames.TryParse("lost", out _));
    }
}
