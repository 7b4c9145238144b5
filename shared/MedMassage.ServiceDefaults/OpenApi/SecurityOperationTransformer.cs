using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// Every operation says how it is authorized. Anonymous ones (links opened by their secret, sign-in pages) carry an
/// empty requirement; the rest take an OAuth2 token with their scopes, or any bearer token the identity service issued.
/// Every authenticated operation can answer 401; those asking a role or scope 403 too.
/// </summary>
internal sealed class SecurityOperationTransformer : IOpenApiOperationTransformer
{
    public const string OAuth2 = "oauth2";
    public const string Bearer = "bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = new EndpointMetadataCollection(context.Description.ActionDescriptor.EndpointMetadata);
        if (metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        }

        operation.Security = [.. OperationScopes.Alternatives(metadata).Select(scopes => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OAuth2, context.Document)] = [.. scopes],
            }),
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token was sent." });
        if (OperationScopes.MayForbid(metadata))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's role or scopes do not allow this." });
        }
        return Task.CompletedTask;
    }
}
