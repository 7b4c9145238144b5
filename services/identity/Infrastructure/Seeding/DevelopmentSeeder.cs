using MedMassage.Identity.Api.Domain;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MedMassage.Identity.Api.Infrastructure.Seeding;

/// <summary>
/// Brings the development users and clients of <c>Identity:Seed</c> into the database at start, creating or
/// updating each. Registered after the schema migrator, so the tables exist; never registered outside Development.
/// </summary>
public sealed class DevelopmentSeeder(IServiceScopeFactory scopes, SingleReplica single, IConfiguration configuration, ILogger<DevelopmentSeeder> logger) : IHostedService
{
    public const string Section = "Identity:Seed";

    // Replicas starting together take turns (the work creates rows a second writer would collide with).
    public Task StartAsync(CancellationToken cancellationToken) => single.RunAsync("identity-start-up", SeedAsync, cancellationToken);

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(Section);
        var seed = section.Get<SeedOptions>() ?? new SeedOptions();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await SeedStaffAsync(db, seed, cancellationToken);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var store = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication>>();
        foreach (var (clientId, client) in seed.Clients)
        {
            var jwks = ConfigurationJson.Read(section.GetSection($"Clients:{clientId}:Jwks"));
            await SeedClientAsync(applications, store, clientId, client, jwks, cancellationToken);
        }
        logger.LogInformation("Seeded {Users} development users and {Clients} clients", seed.Users.Count, seed.Clients.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedStaffAsync(IdentityDbContext db, SeedOptions seed, CancellationToken ct)
    {
        foreach (var (userName, user) in seed.Users)
        {
            var normalized = StaffMember.NormalizeUserName(userName);
            var existing = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == user.Id || s.UserName == normalized, ct);
            if (existing is null)
            {
                db.StaffMembers.Add(StaffMember.Create(user.Id, userName, user.DisplayName, user.Role, user.Locations, user.PasswordHash, user.Npi));
            }
            else
            {
                existing.Update(userName, user.DisplayName, user.Role, user.Locations, user.PasswordHash, user.Npi);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedClientAsync(
        IOpenIddictApplicationManager applications,
        IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
        string clientId, ClientSeed client, string? jwks, CancellationToken ct)
    {
        var confidential = client.SecretHash is not null || jwks is not null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = client.DisplayName ?? clientId,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            // Already a hash: stored as is through the store below, never hashed twice.
            ClientSecret = client.SecretHash,
            JsonWebKeySet = jwks is null ? null : JsonWebKeySet.Create(jwks),
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        foreach (var grant in client.GrantTypes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
            if (grant == GrantTypes.AuthorizationCode)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
                descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }
        foreach (var scope in client.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        var existing = await store.FindByClientIdAsync(clientId, ct);
        var application = existing ?? new OpenIddictEntityFrameworkCoreApplication();
        await applications.PopulateAsync(application, descriptor, ct);
        if (existing is null)
        {
            await store.CreateAsync(application, ct);
        }
        else
        {
            await store.UpdateAsync(application, ct);
        }
    }
}
