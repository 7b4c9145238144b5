using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// What makes each service's <c>/openapi/v1.json</c> usable on its own by an integrator: the gateway as the server,
/// how to get a token and which operations need one, which fields are required and which may be null, the refusals
/// every operation can give as ProblemDetails, and an example of every request body (declared per endpoint). Linted with Redocly's recommended rules (docs/api.md).
/// </summary>
public static class OpenApiExtensions
{
    /// <summary>The gateway's public address, where integrators call every service and get their tokens.</summary>
    public const string PublicUrlKey = "OpenApi:PublicUrl";

    /// <summary>The gateway of a local suite (the AppHost's default gateway port).</summary>
    public const string DefaultPublicUrl = "http://127.0.0.1:8080";

    /// <summary>Adds the transformers to the document <c>AddOpenApi()</c> registers (named <c>v1</c>).</summary>
    public static IHostApplicationBuilder AddMedMassageOpenApi(this IHostApplicationBuilder builder, string documentName = "v1")
    {
        var publicUrl = PublicUrl(builder.Configuration);
        builder.Services.Configure<OpenApiOptions>(documentName, options =>
        {
            options.AddSchemaTransformer(new StringSchemaTransformer());
            options.AddSchemaTransformer(new VocabularySchemaTransformer());
            options.AddSchemaTransformer(new RequiredSchemaTransformer());
            options.AddOperationTransformer(new SecurityOperationTransformer());
            options.AddOperationTransformer(new RequiredParametersOperationTransformer());
            options.AddOperationTransformer(new RefusalsOperationTransformer());
            options.AddOperationTransformer(new RequestExampleOperationTransformer());
            options.AddDocumentTransformer(new GatewayDocumentTransformer(publicUrl));
            options.AddDocumentTransformer(new ProblemBodiesDocumentTransformer());
            options.AddDocumentTransformer(new TagsDocumentTransformer());
            options.AddDocumentTransformer(new RequiredNotNullDocumentTransformer());
        });
        return builder;
    }

    /// <summary>
    /// <c>OpenApi:PublicUrl</c>, else the token issuer (<c>Identity:Issuer</c>, also the gateway's public address), else
    /// a local suite's gateway; without a trailing slash, as paths are appended to it.
    /// </summary>
    public static Uri PublicUrl(IConfiguration configuration) =>
        new((configuration[PublicUrlKey] ?? configuration["Identity:Issuer"] ?? DefaultPublicUrl).TrimEnd('/'), UriKind.Absolute);
}
