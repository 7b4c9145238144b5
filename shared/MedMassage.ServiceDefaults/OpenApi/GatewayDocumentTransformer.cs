using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// The document as seen from outside: served by the gateway (not the service's internal address), with tokens from the
/// identity service behind it, by client credentials (systems) or authorization code (staff), or any bearer token.
/// </summary>
internal sealed class GatewayDocumentTransformer(Uri publicUrl) : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> StaffScopes = new()
    {
        [OperationScopes.Staff] = "Staff and physicians signed in: their role and locations decide what they may do.",
        ["profile"] = "The signed-in person's name.",
        ["offline_access"] = "A refresh token, to stay signed in.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = publicUrl.ToString().TrimEnd('/'), Description = "The MedMassage gateway" }];
        document.Info.Description ??= "Called through the MedMassage gateway with an access token from its `/connect/token` (OAuth 2.0).";
        // The APIs are offered to the clinics' partners under their agreement, not under an open licence (SPDX: a LicenseRef of our own).
        document.Info.License ??= new OpenApiLicense { Name = "Proprietary: use under the integration agreement with MedMassage", Identifier = "LicenseRef-MedMassage-Proprietary" };
        document.Info.Contact ??= new OpenApiContact { Name = "MedMassage integrations", Url = new Uri(publicUrl, "/scalar/") };

        // The system scopes the operations ask for (SMART v1, e.g. system/ServiceRequest.write).
        var systemScopes = document.AllOperations()
            .SelectMany(o => o.Operation.Security ?? []).SelectMany(r => r.Values).SelectMany(s => s)
            .Where(s => s.StartsWith("system/", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)
            .ToDictionary(s => s, Describe);

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecurityOperationTransformer.OAuth2] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Tokens from the identity service at the gateway. Systems: client credentials (a client secret or a signed JWT assertion). Staff: authorization code with PKCE.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(publicUrl, "/connect/token"), Scopes = systemScopes },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri(publicUrl, "/connect/authorize"),
                    TokenUrl = new Uri(publicUrl, "/connect/token"),
                    RefreshUrl = new Uri(publicUrl, "/connect/token"),
                    Scopes = StaffScopes,
                },
            },
        };
        document.Components.SecuritySchemes[SecurityOperationTransformer.Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token the identity service issued, however it was obtained.",
        };
        return Task.CompletedTask;
    }

    private static string Describe(string scope)
    {
        var (type, interaction) = (scope["system/".Length..].Split('.')[0], scope.Split('.')[^1]);
        return interaction == "write" ? $"Create and change {type} resources (systems)." : $"Read {type} resources (systems).";
    }
}
