using System.Net;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MedMassage.Identity.Api.Tests.SignIn;

/// <summary>Clinic staff: authorization code with PKCE through the plain login page, then refresh tokens.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class StaffSignInTests(InfrastructureFixture infrastructure)
{
    // Development seed (services/identity/seed.development.json, passwords listed in its README).
    private const string TherapistId = "4bea9494-ba6e-4809-aca8-ff33036fcda3";
    private const string Downtown = "13b754c6-46b4-4eec-814e-8f09a6ccb385";
    private const string Riverside = "b5bc387d-4108-4330-9e39-4a50749e13e4";

    [Fact]
    public async Task A_therapist_signs_in_on_the_login_page_and_gets_tokens_carrying_role_and_locations()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);

        var code = await browser.SignInForCodeAsync("therapist", "dev-therapist");
        var tokens = await browser.RedeemAsync(code);

        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.ToString());
        Assert.NotNull(tokens["refresh_token"]);
        Assert.NotNull(tokens["id_token"]);
        var access = tokens.AccessToken;
        Assert.Equal(TherapistId, access.Subject);
        Assert.Equal("Theo Rapist (dev)", access.GetClaim("name").Value);
        Assert.Equal("therapist", access.GetClaim("role").Value);
        Assert.Equal([Downtown, Riverside], Locations(access));
        Assert.Equal(StaffBrowser.ClientId, access.GetClaim("client_id").Value);
        Assert.Equal([IdentityService.Audience], access.Audiences);

        var identity = new JsonWebToken(tokens["id_token"]!);
        Assert.Equal(TherapistId, identity.Subject);
        Assert.Equal("therapist", identity.GetClaim("role").Value);
        Assert.Equal([Downtown, Riverside], Locations(identity));

        var validation = await Discovery.ValidateAccessTokenAsync(browser.Http, tokens["access_token"]!);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task A_referring_physician_signs_in_and_the_token_carries_their_NPI_and_no_location()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);

        var tokens = await browser.RedeemAsync(await browser.SignInForCodeAsync("physician", "dev-physician"));

        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.ToString());
        Assert.Equal("referring-physician", tokens.AccessToken.GetClaim("role").Value);
        Assert.Equal("1234567893", tokens.AccessToken.GetClaim("npi").Value);
        Assert.Empty(Locations(tokens.AccessToken));
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_with_the_same_role_and_locations()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);
        var first = await browser.RedeemAsync(await browser.SignInForCodeAsync("frontdesk", "dev-front-desk"));
        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());

        var refreshed = await browser.RefreshAsync(first["refresh_token"]!);

        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.ToString());
        Assert.NotEqual(first["access_token"], refreshed["access_token"]);
        Assert.Equal("front-desk", refreshed.AccessToken.GetClaim("role").Value);
        Assert.Equal([Downtown], Locations(refreshed.AccessToken));
        Assert.Equal(first.AccessToken.Subject, refreshed.AccessToken.Subject);
    }

    [Fact]
    public async Task A_refresh_carries_the_locations_the_staff_member_works_at_now()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);
        var first = await browser.RedeemAsync(await browser.SignInForCodeAsync("therapist", "dev-therapist"));
        await ExecuteAsync(service, $"UPDATE staff_members SET locations = ARRAY['{Riverside}']::uuid[] WHERE id = '{TherapistId}'");

        var refreshed = await browser.RefreshAsync(first["refresh_token"]!);

        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.ToString());
        Assert.Equal([Downtown, Riverside], Locations(first.AccessToken));
        Assert.Equal([Riverside], Locations(refreshed.AccessToken));
    }

    [Fact]
    public async Task A_staff_member_who_left_gets_no_new_token_from_an_old_refresh_token()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);
        var first = await browser.RedeemAsync(await browser.SignInForCodeAsync("therapist", "dev-therapist"));
        await ExecuteAsync(service, $"UPDATE staff_members SET active = false WHERE id = '{TherapistId}'");

        var refreshed = await browser.RefreshAsync(first["refresh_token"]!);

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Null(refreshed["access_token"]);
    }

    [Fact]
    public async Task A_forged_refresh_token_is_refused()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);

        var refreshed = await browser.RefreshAsync("not-a-refresh-token");

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task A_code_redeemed_with_the_wrong_PKCE_verifier_is_refused()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);
        var code = await browser.SignInForCodeAsync("therapist", "dev-therapist");

        var tokens = await browser.RedeemAsync(code, verifier: new string('x', 43));

        Assert.Equal(HttpStatusCode.BadRequest, tokens.Status);
        Assert.Equal("invalid_grant", tokens.Error);
        Assert.Null(tokens["access_token"]);
    }

    [Fact]
    public async Task A_code_is_redeemed_once_only()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);
        var code = await browser.SignInForCodeAsync("therapist", "dev-therapist");

        var first = await browser.RedeemAsync(code);
        var second = await browser.RedeemAsync(code);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("invalid_grant", second.Error);
    }

    [Fact]
    public async Task An_authorization_request_without_PKCE_is_refused()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);
        var withoutChallenge = string.Join('&', browser.AuthorizeUrl().Split('&').Where(p => !p.StartsWith("code_challenge", StringComparison.Ordinal)));

        using var response = await browser.Http.GetAsync(withoutChallenge);

        // OpenIddict answers a missing code_challenge itself, without sending the browser on to the client.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private static async Task ExecuteAsync(IdentityService service, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static string[] Locations(JsonWebToken token) =>
        [.. token.Claims.Where(c => c.Type == "location").Select(c => c.Value).Order(StringComparer.Ordinal)];
}
