using MedMassage.Identity.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace MedMassage.Identity.Api.Application.Tokens;

/// <summary>
/// What SMART Backend Services adds to OpenIddict's own client assertion checks (signature against the client's
/// registered keys, iss = sub = client_id, aud = this server): RS384 or ES384 only, not expired, an expiry at most
/// five minutes ahead, and a jti that is used once. Runs only once the assertion's signature is verified,
/// so nobody without the client's key can use up its jti values.
/// </summary>
public sealed class ClientAssertionPolicy(IdentityDbContext db, TimeProvider time) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha384];

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Tolerance for a client clock slightly ahead of ours when it sets 'nbf'.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientAssertionPrincipal>()
            .UseScopedHandler<ClientAssertionPolicy>()
            // After OpenIddict's own claim, issuer and audience checks of the assertion (orders +1000 to +3000).
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertion.Descriptor.Order + 3_500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        var principal = context.ClientAssertionPrincipal!;
        var algorithm = new JsonWebToken(context.ClientAssertion).Alg;
        if (!Algorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            context.Reject(Errors.InvalidClient, $"Client assertions are signed with {string.Join(" or ", Algorithms)}, not '{algorithm}'.");
            return;
        }

        var jti = principal.FindFirst(Claims.JwtId)?.Value;
        if (string.IsNullOrEmpty(jti))
        {
            context.Reject(Errors.InvalidClient, "The client assertion has no 'jti'.");
            return;
        }

        // OpenIddict 7 leaves the lifetime of client assertions unchecked, so the whole window is decided here.
        var now = time.GetUtcNow();
        if (!long.TryParse(principal.FindFirst(Claims.ExpiresAt)?.Value, out var exp))
        {
            context.Reject(Errors.InvalidClient, "The client assertion has no valid 'exp'.");
            return;
        }
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (expiresAt <= now)
        {
            context.Reject(Errors.InvalidClient, "The client assertion has expired.");
            return;
        }
        if (expiresAt > now + MaxLifetime)
        {
            context.Reject(Errors.InvalidClient, "The client assertion's 'exp' must lie at most five minutes ahead.");
            return;
        }
        if (long.TryParse(principal.FindFirst(Claims.NotBefore)?.Value, out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) > now + ClockSkew)
        {
            context.Reject(Errors.InvalidClient, "The client assertion is not valid yet.");
            return;
        }

        var clientId = principal.FindFirst(Claims.Issuer)!.Value;
        await db.Database.ExecuteSqlAsync($"DELETE FROM used_client_assertions WHERE expires_at < {now}");
        var recorded = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO used_client_assertions (client_id, jti, expires_at) VALUES ({clientId}, {jti}, {expiresAt}) ON CONFLICT DO NOTHING");
        if (recorded == 0)
        {
            context.Reject(Errors.InvalidClient, "This client assertion was already used.");
        }
    }
}
