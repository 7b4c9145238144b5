using MedMassage.Identity.Api.Apis;

namespace MedMassage.Identity.Api.Tests.Domain;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/connect/authorize?client_id=staff-web", "/connect/authorize?client_id=staff-web")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/x", "")]
    [InlineData("/\\evil.example", "")]
    [InlineData("https://evil.example/", "")]
    [InlineData("javascript:alert(1)", "")]
    [InlineData(null, "")]
    public void Only_paths_on_this_server_are_followed_after_sign_in(string? requested, string followed) =>
        Assert.Equal(followed, AccountApi.LocalOrEmpty(requested));
}
