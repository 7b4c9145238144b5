using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Testing;

/// <summary>
/// Real tokens from a running suite's identity service, obtained through the gateway the way callers obtain them:
/// client credentials (secret or signed SMART assertion) for systems, authorization code + PKCE for staff.
/// </summary>
public static partial class SuiteTokens
{
    public static Task<string> WithClientSecretAsync(Uri gateway, string clientId, string secret, string scope) =>
        RedeemAsync(gateway, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        });

    /// <summary>SMART Backend Services: an RS384 assertion signed with the client's private key, valid 4 minutes.</summary>
    public static Task<string> WithSignedAssertionAsync(Uri gateway, string clientId, SecurityKey key, string scope)
    {
        var tokenUrl = new Uri(gateway, "/connect/token").ToString();
        var assertion = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenUrl,
            Subject = new ClaimsIdentity([new Claim("sub", clientId), new Claim("jti", Guid.NewGuid().ToString("N"))]),
            Expires = DateTime.UtcNow.AddMinutes(4),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha384),
            TokenType = "JWT",
        });
        return RedeemAsync(gateway, new()
        {
            ["grant_type"] = "client_credentials", ["scope"] = scope,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", ["client_assertion"] = assertion,
        });
    }

    /// <summary>Signs a staff member in on the login page behind the gateway, as the staff web app does.</summary>
    public static async Task<string> StaffAsync(Uri gateway, string userName, string password) =>
        (await StaffSessionAsync(gateway, userName, password)).AccessToken;

    /// <summary>
    /// Signs a staff member in as <see cref="StaffAsync"/> does, also asking for <c>offline_access</c>: the
    /// refresh token renews the session (<see cref="RefreshAsync"/>) without the password again.
    /// </summary>
    public static Task<StaffSession> StaffSessionAsync(Uri gateway, string userName, string password) =>
        SignInAsync(gateway, userName, password, "openid%20profile%20offline_access");

    /// <summary>A new access token (and the refresh token to use next) for a session, as the staff web app renews it.</summary>
    public static async Task<StaffSession> RefreshAsync(Uri gateway, StaffSession session) =>
        await RedeemSessionAsync(gateway, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = StaffClientId, ["refresh_token"] = session.RefreshToken!,
        });

    private const string StaffClientId = "staff-web";

    private static async Task<StaffSession> SignInAsync(Uri gateway, string userName, string password, string scope)
    {
        // The staff app's own callback, as the AppHost registers it: the code is read from the redirect, never followed.
        const string clientId = StaffClientId;
        var redirectUri = new Uri(gateway, "/staff/signin-oidc").ToString();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = gateway,
        };
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id={clientId}&response_type=code&redirect_uri={Uri.EscapeDataString(redirectUri)}"
            + $"&scope={scope}&state=s&code_challenge={challenge}&code_challenge_method=S256";

        using var toLogin = await browser.GetAsync(authorize);
        var loginPage = await browser.GetStringAsync(toLogin.Headers.Location);
        using var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password,
            ["returnUrl"] = Field(loginPage, "returnUrl"), ["__RequestVerificationToken"] = Field(loginPage, "__RequestVerificationToken"),
        }));
        using var back = await browser.GetAsync(login.Headers.Location);
        var callback = back.Headers.Location ?? throw new InvalidOperationException($"No callback after signing in as {userName}: {back.StatusCode}");
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        return await RedeemSessionAsync(gateway, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code,
            ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        });
    }

    private static async Task<string> RedeemAsync(Uri gateway, Dictionary<string, string> form) =>
        (await RedeemSessionAsync(gateway, form)).AccessToken;

    private static async Task<StaffSession> RedeemSessionAsync(Uri gateway, Dictionary<string, string> form)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request refused ({(int)response.StatusCode}): {body}");
        }
        var answer = JsonDocument.Parse(body).RootElement;
        return new StaffSession(answer.GetProperty("access_token").GetString()!,
            answer.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null);
    }

    private static string Field(string html, string name) =>
        WebUtility.HtmlDecode(HiddenField().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name)?.Groups["value"].Value
            ?? throw new InvalidOperationException($"The login page has no field '{name}'"));

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" />""")]
    private static partial Regex HiddenField();
}

/// <summary>A signed-in staff member's tokens; <see cref="RefreshToken"/> only when <c>offline_access</c> was granted.</summary>
public sealed record StaffSession(string AccessToken, string? RefreshToken);
