using MedMassage.Identity.Api.Application.Tokens;
using MedMassage.Identity.Api.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Microsoft.Extensions.Hosting;

internal static class TokenServerExtensions
{
    public const string AuthorizationPath = "connect/authorize";
    public const string TokenPath = "connect/token";
    public const string EndSessionPath = "connect/logout";
    public const string RevocationPath = "connect/revoke";

    /// <summary>OpenIddict with its EF Core stores: client credentials (secret or private_key_jwt), code + PKCE, refresh.</summary>
    public static void AddTokenServer(this IHostApplicationBuilder builder, TokenIssuerOptions options)
    {
        var keysDirectory = options.KeysDirectory is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : Path.Combine(builder.Environment.ContentRootPath, ".keys");

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                if (options.Issuer is not null)
                {
                    server.SetIssuer(options.Issuer);
                }
                server.SetAuthorizationEndpointUris(AuthorizationPath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetEndSessionEndpointUris(EndSessionPath)
                    // RFC 7009: a client revokes its refresh token (the staff app on sign-out; a system on compromise).
                    .SetRevocationEndpointUris(RevocationPath);

                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();

                server.RegisterScopes([.. ScopeCatalogue.All]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime);

                server.AddSigningKey(KeyStore.LoadOrCreate(keysDirectory, "signing"))
                    .AddEncryptionKey(KeyStore.LoadOrCreate(keysDirectory, "encryption"));

                // Plain JWT access tokens, so the gateway and services validate them with the published keys alone.
                server.DisableAccessTokenEncryption();

                // S256 only: "plain" would leak the verifier to anyone who sees the authorization request.
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                server.AddEventHandler(SmartClientAssertions.AcceptSmartForm.Descriptor)
                    .AddEventHandler(SmartClientAssertions.MarkAsClientAssertion.Descriptor)
                    .AddEventHandler(ClientAssertionPolicy.Descriptor);

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the gateway; the service itself listens on loopback or an internal network.
                    .DisableTransportSecurityRequirement();
            })
            // The admin APIs take the same access tokens the services take, validated here against this server's own keys.
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(options.Audience);
                validation.UseAspNetCore();
            });
    }
}
