using MedMassage.Identity.Api.Application.Tokens;
using MedMassage.Identity.Api.Infrastructure;
using MedMassage.Identity.Api.Infrastructure.Clients;
using MedMassage.Identity.Api.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity");
        if (builder.Environment.IsDevelopment())
        {
            var seedFile = section[nameof(TokenIssuerOptions.SeedFile)] ?? new TokenIssuerOptions().SeedFile;
            builder.Configuration.AddJsonFile(Path.Combine(builder.Environment.ContentRootPath, seedFile), optional: true, reloadOnChange: false);
        }

        builder.AddPostgres<IdentityDbContext>("identitydb");
        builder.Services.AddOptions<TokenIssuerOptions>()
            .Bind(section)
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.AccessTokenLifetime <= TokenIssuerOptions.MaxAccessTokenLifetime,
                "Identity:AccessTokenLifetime must lie between zero and five minutes.")
            .ValidateOnStart();
        builder.AddTokenServer(section.Get<TokenIssuerOptions>() ?? new TokenIssuerOptions());
        builder.AddStaffSignIn();
        // Replicas read each other's login cookies and antiforgery tokens: one key ring, kept in the database.
        builder.Services.AddDataProtection().SetApplicationName("MedMassage.Identity").PersistKeysToDbContext<IdentityDbContext>();
        builder.AddAdministration();
        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.Configure<StaffAppOptions>(builder.Configuration.GetSection(StaffAppOptions.Section));
        builder.Services.AddHostedService<StaffAppRegistration>();

        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DevelopmentSeeder>();
        }
        else
        {
            builder.Services.AddHostedService<DevelopmentDataGuard>();
        }
    }
}
