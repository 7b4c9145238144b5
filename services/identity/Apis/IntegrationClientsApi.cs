using System.Text.Json;
using MedMassage.Identity.Api.Apis.Contracts;
using MedMassage.Identity.Api.Application.Tokens;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MedMassage.Identity.Api.Apis;

/// <summary>
/// Hospital and office systems a clinic admin lets in: registered with their public keys (SMART Backend Services,
/// private_key_jwt) and the system scopes they may ask for; revoked when the integration ends.
/// </summary>
public static class IntegrationClientsApi
{
    /// <summary>Marks the clients registered here: only those may be revoked here (seeded and staff clients may not).</summary>
    public const string RegisteredHere = "medmassage_registered_by";

    private static readonly string[] PrivateKeyMembers = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

    public static IEndpointRouteBuilder MapIntegrationClientsApi(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/api/identity/clients").WithTag("Integration clients", "Hospital and physician-office systems that get tokens by client credentials (a signed JWT assertion), with the system scopes they may ask for.").RequireAuthorization(AdministrationExtensions.ClinicAdmin);
        clients.MapGet("/", ListAsync).WithName("ListIntegrationClients").WithSummary("Integration clients")
            .WithDescription("Every system that gets tokens by client credentials, with its scopes and how it authenticates.");
        clients.MapPost("/", RegisterAsync).WithName("RegisterIntegrationClient").WithRequestExample(RegistrationExample).WithSummary("Register a hospital's or office's system")
            .WithDescription("`clientId` (3-100 of a-z, 0-9, '-', '.'), `jwks` (public keys only), `scopes` among the system scopes. It then gets tokens with a signed client assertion.");
        clients.MapPost("/{clientId}/revoke", RevokeAsync).WithName("RevokeIntegrationClient").WithSummary("Revoke a system's access")
            .WithDescription("Removes the client and its tokens: it gets no token any more. Only clients registered through this API.");
        return app;
    }

    // A hospital's system with one public signing key (RS384), reading its referrals' appointments.
    private static readonly object RegistrationExample = new
    {
        clientId = "st-mary-his",
        displayName = "St. Mary Hospital information system",
        jwks = new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS384", kid = "st-mary-2026", e = "AQAB", n = "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw" } } },
        scopes = new[] { "system/ServiceRequest.write", "system/ServiceRequest.read", "system/Appointment.read" },
    };

    public static async Task<Ok<List<IntegrationClientView>>> ListAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var views = new List<IntegrationClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            var permissions = await applications.GetPermissionsAsync(application, ct);
            if (!permissions.Contains(Permissions.GrantTypes.ClientCredentials))
            {
                continue;
            }

            var properties = await applications.GetPropertiesAsync(application, ct);
            var keys = await applications.GetJsonWebKeySetAsync(application, ct);
            views.Add(new IntegrationClientView((await applications.GetClientIdAsync(application, ct))!,
                await applications.GetDisplayNameAsync(application, ct) ?? "",
                [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..])],
                keys is { Keys.Count: > 0 } ? "private_key_jwt" : "client_secret", properties.ContainsKey(RegisteredHere)));
        }
        return TypedResults.Ok(views.OrderBy(v => v.ClientId, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Created<IntegrationClientView>, ValidationProblem, Conflict<ProblemDetails>>> RegisterAsync(
        RegisterClientRequest request, HttpContext http, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var clientId = request.ClientId?.Trim() ?? "";
        if (clientId.Length is < 3 or > 100 || !clientId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            errors["clientId"] = ["3 to 100 characters: a-z, 0-9, '-' and '.'."];
        }

        var scopes = request.Scopes ?? [];
        if (scopes.Count == 0 || scopes.Any(s => !ScopeCatalogue.System.Contains(s)))
        {
            errors["scopes"] = [$"One or more of: {string.Join(", ", ScopeCatalogue.System)}."];
        }

        var keys = ReadKeys(request.Jwks, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await applications.FindByClientIdAsync(clientId, ct) is not null)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "The client id is taken", Detail = $"'{clientId}' is registered already." });
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? clientId : request.DisplayName.Trim(),
            ClientType = ClientTypes.Confidential,
            JsonWebKeySet = keys,
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials, .. scopes.Select(s => Permissions.Prefixes.Scope + s)]);
        descriptor.Properties[RegisteredHere] = JsonSerializer.SerializeToElement(http.User.FindFirst(TokenClaims.Subject)?.Value);
        await applications.CreateAsync(descriptor, ct);
        return TypedResults.Created($"/api/identity/clients/{clientId}",
            new IntegrationClientView(clientId, descriptor.DisplayName, [.. scopes], "private_key_jwt", true));
    }

    public static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> RevokeAsync(
        string clientId, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
        {
            return TypedResults.NotFound();
        }

        if (!(await applications.GetPropertiesAsync(application, ct)).ContainsKey(RegisteredHere))
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Not registered here", Detail = "Only clients registered through this API are revoked here." });
        }
        await tokens.RevokeByApplicationIdAsync((await applications.GetIdAsync(application, ct))!, ct);
        await applications.DeleteAsync(application, ct);
        return TypedResults.NoContent();
    }

    private static JsonWebKeySet? ReadKeys(JsonElement? jwks, Dictionary<string, string[]> errors)
    {
        if (jwks is not { ValueKind: JsonValueKind.Object } set || !set.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array || keys.GetArrayLength() == 0)
        {
            errors["jwks"] = ["A JSON Web Key Set with at least one public key: { \"keys\": [ … ] }."];
            return null;
        }
        if (keys.EnumerateArray().Any(k => k.ValueKind != JsonValueKind.Object || PrivateKeyMembers.Any(m => k.TryGetProperty(m, out _))))
        {
            errors["jwks"] = ["Public keys only: a key with private parts (d, p, q, k, …) must never leave the hospital."];
            return null;
        }
        try
        {
            return JsonWebKeySet.Create(set.GetRawText());
        }
        catch (ArgumentException)
        {
            errors["jwks"] = ["Not a valid JSON Web Key Set."];
            return null;
        }
    }
}
