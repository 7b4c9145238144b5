using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// A query parameter the code refuses the request without is marked <c>[Required]</c> (on the handler's parameter or
/// an <c>[AsParameters]</c> record's), and declared required: it is nullable so that the refusal is our own 400 listing
/// every missing parameter, which leaves the generator to call it optional.
/// </summary>
internal sealed class RequiredParametersOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            var info = (description.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo;
            if (!RequiredSchemaTransformer.Marked(info))
            {
                continue;
            }
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == description.Name))
            {
                parameter.Required = true;
            }
        }
        return Task.CompletedTask;
    }
}
