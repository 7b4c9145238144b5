using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers.Protection;

namespace MedMassage.Identity.Api.Application.Tokens;

/// <summary>
/// SMART Backend Services fixes the assertion header at <c>"typ": "JWT"</c> and its audience at the token endpoint
/// URL, while OpenIddict 7 (following the RFC 7523 update) accepts only <c>client-authentication+jwt</c> and the
/// issuer. These handlers accept both forms, for client assertions only; the signature is still checked against
/// the client's own registered keys, so none of our own tokens can pass as an assertion.
/// </summary>
public static class SmartClientAssertions
{
    private static readonly string[] GenericTypes = [JsonWebTokenTypes.GenericJsonWebToken, JsonWebTokenTypes.Prefixes.Application + JsonWebTokenTypes.GenericJsonWebToken];

    private static bool ExpectsClientAssertion(ValidateTokenContext context) =>
        context.ValidTokenTypes.Count == 1 && context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion);

    /// <summary>Adds "JWT" to the accepted header types and the token endpoint URL to the accepted audiences.</summary>
    public sealed class AcceptSmartForm : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<AcceptSmartForm>()
                .SetOrder(ResolveTokenValidationParameters.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (!ExpectsClientAssertion(context))
            {
                return ValueTask.CompletedTask;
            }
            if (context.TokenValidationParameters is { } parameters)
            {
                parameters.ValidTypes = [.. parameters.ValidTypes ?? [], .. GenericTypes];
            }
            if ((context.Options.Issuer ?? context.BaseUri) is { } issuer)
            {
                var root = issuer.AbsoluteUri.EndsWith('/') ? issuer : new Uri(issuer.AbsoluteUri + "/");
                foreach (var endpoint in context.Options.TokenEndpointUris)
                {
                    context.ValidAudiences.Add(endpoint.IsAbsoluteUri ? endpoint.AbsoluteUri : new Uri(root, endpoint).AbsoluteUri);
                }
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Marks a verified "JWT"-typed client assertion as what it is, so the type check that follows passes.</summary>
    public sealed class MarkAsClientAssertion : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<MarkAsClientAssertion>()
                .SetOrder(ValidateIdentityModelToken.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (ExpectsClientAssertion(context) && context.Principal is { } principal && !context.IsRejected &&
                GenericTypes.Contains(new JsonWebToken(context.Token).Typ, StringComparer.OrdinalIgnoreCase))
            {
                principal.SetTokenType(TokenTypeIdentifiers.Private.ClientAssertion);
            }
            return ValueTask.CompletedTask;
        }
    }
}
