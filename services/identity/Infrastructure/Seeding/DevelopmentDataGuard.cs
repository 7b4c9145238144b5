using MedMassage.Identity.Api.Domain;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace MedMassage.Identity.Api.Infrastructure.Seeding;

/// <summary>
/// Outside Development, refuses to start while the development seed's users or clients exist in the database: their
/// passwords and the office client's secret are published in the README. Registered after the schema migrator, so
/// the tables exist; a start it refuses fails with the names to remove.
/// </summary>
public sealed class DevelopmentDataGuard(IServiceScopeFactory scopes, IHostEnvironment environment, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = Seed();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var userNames = seed.Users.Keys.Select(StaffMember.NormalizeUserName).ToList();
        var userIds = seed.Users.Values.Select(u => u.Id).ToList();
        var users = await db.StaffMembers.Where(s => userNames.Contains(s.UserName) || userIds.Contains(s.Id)).Select(s => s.UserName).ToListAsync(cancellationToken);
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var clients = new List<string>();
        foreach (var clientId in seed.Clients.Keys)
        {
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
            {
                clients.Add(clientId);
            }
        }
        if (users.Count + clients.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start in {environment.EnvironmentName}: the development seed's accounts exist in this database " +
                $"(users: {string.Join(", ", users)}; clients: {string.Join(", ", clients)}). Their secrets are public; remove them first.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The seed file itself names what to look for, so a user or client added to it is guarded too.
    private SeedOptions Seed()
    {
        var file = configuration["Identity:SeedFile"] ?? new TokenIssuerOptions().SeedFile;
        var path = Path.Combine(environment.ContentRootPath, file);
        if (!File.Exists(path))
        {
            return new SeedOptions();
        }
        return new ConfigurationBuilder().AddJsonFile(path, optional: false).Build().GetSection(DevelopmentSeeder.Section).Get<SeedOptions>() ?? new SeedOptions();
    }
}
