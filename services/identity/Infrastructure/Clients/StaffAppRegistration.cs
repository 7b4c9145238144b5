using MedMassage.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MedMassage.Identity.Api.Infrastructure.Clients;

/// <summary>
/// Creates or updates the staff app's client at start from <see cref="StaffAppOptions"/>: a public client (a browser
/// app keeps no secret) that must use PKCE, with the code, refresh and end-session endpoints. Registered after the
/// schema migrator, so the tables exist. Without redirect URIs configured, nothing is registered.
/// </summary>
public sealed class StaffAppRegistration(IServiceScopeFactory scopes, SingleReplica single, IOptions<StaffAppOptions> options, ILogger<StaffAppRegistration> logger) : IHostedService
{
    public static readonly string[] Scopes = [OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.OfflineAccess];

    // Replicas starting together take turns (the work creates rows a second writer would collide with).
    public Task StartAsync(CancellationToken cancellationToken) => single.RunAsync("identity-start-up", RegisterAsync, cancellationToken);

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var app = options.Value;
        if (app.RedirectUris.Count == 0)
        {
            logger.LogWarning("No redirect URI configured in {Section}: the staff app cannot sign anyone in", StaffAppOptions.Section);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Describe(app);
        if (await applications.FindByClientIdAsync(app.ClientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        logger.LogInformation("Staff app client {ClientId} registered for {RedirectUris}", app.ClientId, string.Join(", ", app.RedirectUris));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static OpenIddictApplicationDescriptor Describe(StaffAppOptions app)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = app.ClientId,
            DisplayName = app.DisplayName,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
        };
        foreach (var permission in new[]
        {
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
        })
        {
            descriptor.Permissions.Add(permission);
        }
        foreach (var scope in Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        descriptor.RedirectUris.UnionWith(app.RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(app.PostLogoutRedirectUris);
        return descriptor;
    }
}
