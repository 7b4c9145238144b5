using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Identity.Api.Tests.Support;

/// <summary>
/// Drives the authorization code flow with PKCE the way the staff app and a browser would, with cookies and no
/// automatic redirects, so every hop (authorize, login page, form post, back to authorize, callback) is checked.
/// </summary>
internal sealed partial class StaffBrowser(IdentityService service) : IDisposable
{
    public const string ClientId = "staff-web";
    public const string RedirectUri = "http://localhost:5173/callback";
    public const string SignedOutUri = "http://localhost:5173/signed-out";

    public HttpClient Http { get; } = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string AuthorizeUrl(string scope = "openid profile offline_access", string state = "state-123") =>
        "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))),
            ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>Opens the login page the authorization request redirects to; returns its return URL and form token.</summary>
    public async Task<LoginPageForm> OpenLoginPageAsync(string authorizeUrl)
    {
        using var authorize = await Http.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var loginUrl = authorize.Headers.Location!.OriginalString;
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=", loginUrl, StringComparison.Ordinal);

        using var page = await Http.GetAsync(loginUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        return new LoginPageForm(Field(html, "returnUrl"), Field(html, "__RequestVerificationToken"));
    }

    public Task<HttpResponseMessage> SubmitLoginAsync(LoginPageForm form, string userName, string password) =>
        Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = form.ReturnUrl,
            ["__RequestVerificationToken"] = form.AntiforgeryToken,
        }));

    /// <summary>Signs in through the page and follows the flow to the callback; returns the authorization code.</summary>
    public async Task<string> SignInForCodeAsync(string userName, string password, string? scope = null)
    {
        var authorizeUrl = scope is null ? AuthorizeUrl() : AuthorizeUrl(scope);
        var form = await OpenLoginPageAsync(authorizeUrl);
        using var login = await SubmitLoginAsync(form, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/connect/authorize?", login.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var back = await Http.GetAsync(login.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", callback.AbsoluteUri, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-123", query["state"].ToString());
        return query["code"].ToString();
    }

    public Task<TokenResponse> RedeemAsync(string code, string? verifier = null) =>
        TokenEndpoint.PostAsync(Http,
            ("grant_type", "authorization_code"), ("client_id", ClientId), ("code", code),
            ("redirect_uri", RedirectUri), ("code_verifier", verifier ?? Verifier));

    public Task<TokenResponse> RefreshAsync(string refreshToken) =>
        TokenEndpoint.PostAsync(Http, ("grant_type", "refresh_token"), ("client_id", ClientId), ("refresh_token", refreshToken));

    public void Dispose() => Http.Dispose();

    private static string Field(string html, string name)
    {
        var match = HiddenField().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name)
            ?? throw new InvalidOperationException($"The login page has no field '{name}': {html}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" />""")]
    private static partial Regex HiddenField();
}

internal sealed record LoginPageForm(string ReturnUrl, string AntiforgeryToken);
