using MedMassage.StaffApp.Extensions;
using MedMassage.StaffApp.Session;
using Microsoft.AspNetCore.Http;

namespace MedMassage.StaffApp.Tests;

public sealed class SignInTests
{
    [Theory]
    [InlineData("/staff/calendar?day=2026-12-05", "/staff/calendar?day=2026-12-05")]
    [InlineData("https://evil.example/staff/", "/staff/")]
    [InlineData("//evil.example/staff/", "/staff/")]
    [InlineData("/\\evil.example", "/staff/")]
    [InlineData("/account/login", "/staff/")]
    [InlineData(null, "/staff/")]
    public void After_sign_in_a_person_returns_only_to_a_page_of_this_app(string? returnUrl, string expected)
    {
        var http = new DefaultHttpContext();
        http.Request.PathBase = "/staff";
        Assert.Equal(expected, SignInEndpoints.LocalPath(http, returnUrl));
    }

    [Fact]
    public void A_token_is_refreshed_within_the_margin_before_it_expires_and_not_earlier()
    {
        var now = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        var tokens = StaffTokens.From("access", "refresh", "300", now);
        Assert.Equal(now.AddMinutes(5), tokens.ExpiresAt);
        Assert.False(tokens.ExpiresWithin(TimeSpan.FromSeconds(60), now.AddMinutes(3)));
        Assert.True(tokens.ExpiresWithin(TimeSpan.FromSeconds(60), now.AddMinutes(4)));
    }
}
