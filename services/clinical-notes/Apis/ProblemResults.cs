using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace MedMassage.ClinicalNotes.Api.Apis;

/// <summary>
/// Typed results ASP.NET Core lacks, so each endpoint's OpenAPI document lists every answer it really gives: a 403 and a
/// 401 with a ProblemDetails body (the framework's ForbidHttpResult and UnauthorizedHttpResult declare nothing) and an
/// HTML document.
/// </summary>
public sealed class ForbiddenProblem(ProblemDetails problem) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public int StatusCode => StatusCodes.Status403Forbidden;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    public ProblemDetails Value => problem;
    object? IValueHttpResult.Value => problem;

    public static ForbiddenProblem Because(string detail) =>
        new(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Not permitted.", Detail = detail });

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(problem).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>
/// No valid token: the authentication middleware answers before the handler runs, so a handler never returns this;
/// it is in the union only to declare the answer.
/// </summary>
public sealed class UnauthorizedProblem : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int StatusCode => StatusCodes.Status401Unauthorized;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>A printable document: 200 with <c>text/html</c>.</summary>
public sealed class HtmlDocument(string html) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public const string ContentType = "text/html";

    public int StatusCode => StatusCodes.Status200OK;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    public string Html => html;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Text(html, $"{ContentType}; charset=utf-8").ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [ContentType]));
}
