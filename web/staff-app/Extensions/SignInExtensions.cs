using System.Security.Claims;
using MedMassage.StaffApp.Session;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MedMassage.StaffApp.Extensions;

internal static class SignInExtensions
{
    /// <summary>
    /// Staff sign in at the identity service with authorization code + PKCE (a public client: a browser app has no
    /// secret to keep). The cookie carries who the person is and a session id; the tokens themselves stay on the
    /// server in <see cref="StaffTokenStore"/>, so the cookie is small and the tokens never reach the browser.
    /// </summary>
    public static void AddStaffSignIn(this IHostApplicationBuilder builder, StaffAppOptions options)
    {
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "medmassage.staff";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                // A page of another role's work: say so in the app rather than send to a missing page.
                cookie.AccessDeniedPath = "/not-for-your-role";
                // A session whose tokens are gone (signed out elsewhere, refresh refused) is no session.
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var store = context.HttpContext.RequestServices.GetRequiredService<StaffTokenStore>();
                    if (context.Principal?.FindFirst(StaffClaims.Session)?.Value is not { } session || !await store.ExistsAsync(session))
                    {
                        context.RejectPrincipal();
                    }
                };
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = options.Gateway.ToString();
                oidc.RequireHttpsMetadata = options.Gateway.Scheme == Uri.UriSchemeHttps;
                oidc.ClientId = options.ClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                // The code comes back in the query of a top-level GET: no cross-site POST, so the correlation
                // cookies can stay SameSite=Lax and work on plain HTTP behind a TLS-terminating proxy.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "offline_access" })
                {
                    oidc.Scope.Add(scope);
                }
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.SaveTokens = false;
                oidc.TokenValidationParameters.NameClaimType = StaffClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = StaffClaims.Role;
                oidc.Events.OnTokenValidated = KeepTokensOnServerAsync;
            });
        builder.Services.AddAuthorization();
    }

    private static async Task KeepTokensOnServerAsync(TokenValidatedContext context)
    {
        var response = context.TokenEndpointResponse ?? throw new InvalidOperationException("The code was not exchanged for tokens.");
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var store = context.HttpContext.RequestServices.GetRequiredService<StaffTokenStore>();
        var session = Guid.NewGuid().ToString("N");
        await store.SaveAsync(session, StaffTokens.From(response.AccessToken, response.RefreshToken, response.ExpiresIn, time.GetUtcNow()));

        // Only what the pages need: who, which role, which locations, and the server-side session.
        var source = context.Principal!;
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.Name, StaffClaims.Role);
        identity.AddClaims(source.Claims.Where(c => c.Type is StaffClaims.Subject or StaffClaims.Name or StaffClaims.Role or StaffClaims.Location or StaffClaims.Npi)
            .Select(c => new Claim(c.Type, c.Value)));
        identity.AddClaim(new Claim(StaffClaims.Session, session));
        context.Principal = new ClaimsPrincipal(identity);
    }
}
