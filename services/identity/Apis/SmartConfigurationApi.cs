using System.Text.Json.Serialization;
using MedMassage.Identity.Api.Application.Tokens;
using MedMassage.Identity.Api.Infrastructure;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MedMassage.Identity.Api.Apis;

/// <summary>SMART App Launch / Backend Services discovery (<c>/.well-known/smart-configuration</c>).</summary>
public sealed record SmartConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("authorization_endpoint")] string AuthorizationEndpoint,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    [property: JsonPropertyName("token_endpoint_auth_signing_alg_values_supported")] IReadOnlyList<string> TokenEndpointAuthSigningAlgValuesSupported,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string> ScopesSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("code_challenge_methods_supported")] IReadOnlyList<string> CodeChallengeMethodsSupported,
    [property: JsonPropertyName("capabilities")] IReadOnlyList<string> Capabilities);

public static class SmartConfigurationApi
{
    public static IEndpointRouteBuilder MapSmartConfigurationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/smart-configuration", Describe).WithName("GetSmartConfiguration").AllowAnonymous()
            .WithTag("SMART discovery", "What a SMART on FHIR client reads first to find how to get tokens here.")
            .WithSummary("SMART on FHIR discovery: token endpoint, scopes, authentication methods")
            .WithDescription("Anonymous, never refused: the authorization and token endpoints, the scopes offered, the client authentication methods (`private_key_jwt`, `client_secret_basic`, `client_secret_post`), the client-assertion signing algorithms and PKCE methods accepted, under the issuer this service announces.");
        return app;
    }

    private static Ok<SmartConfiguration> Describe(HttpContext http, IOptions<TokenIssuerOptions> options)
    {
        // The same issuer OpenIddict announces: the configured one, else the URL this request came to.
        var issuer = options.Value.Issuer ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        var root = issuer.AbsoluteUri.EndsWith('/') ? issuer : new Uri(issuer.AbsoluteUri + "/");
        string At(string path) => new Uri(root, path).AbsoluteUri;

        return TypedResults.Ok(new SmartConfiguration(
            Issuer: issuer.AbsoluteUri,
            JwksUri: At(".well-known/jwks"),
            AuthorizationEndpoint: At(TokenServerExtensions.AuthorizationPath),
            TokenEndpoint: At(TokenServerExtensions.TokenPath),
            TokenEndpointAuthMethodsSupported: [ClientAuthenticationMethods.PrivateKeyJwt, ClientAuthenticationMethods.ClientSecretBasic, ClientAuthenticationMethods.ClientSecretPost],
            TokenEndpointAuthSigningAlgValuesSupported: ClientAssertionPolicy.Algorithms,
            GrantTypesSupported: [GrantTypes.ClientCredentials, GrantTypes.AuthorizationCode, GrantTypes.RefreshToken],
            ScopesSupported: ScopeCatalogue.All,
            ResponseTypesSupported: [ResponseTypes.Code],
            CodeChallengeMethodsSupported: [CodeChallengeMethods.Sha256],
            Capabilities:
            [
                "client-confidential-asymmetric", "client-confidential-symmetric", "client-public",
                "launch-standalone", "sso-openid-connect", "permission-offline", "permission-v1",
            ]));
    }
}
