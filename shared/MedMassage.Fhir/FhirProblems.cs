using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MedMassage.Fhir;

/// <summary>
/// Refusals on FHIR routes. They are ProblemDetails like everywhere else; <see cref="OperationOutcomeWriter"/>
/// writes them as an OperationOutcome, with <see cref="IssueTypeKey"/> as the issue's code.
/// </summary>
public static class FhirProblems
{
    public const string IssueTypeKey = "fhirIssueType";

    public static ProblemHttpResult Invalid(string detail) => Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, "The request is not valid", detail);

    public static ProblemHttpResult NotSupported(string detail) => Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported, "Not supported", detail);

    /// <summary>Unknown, or not the caller's to see: the two answer alike, so existence is not disclosed.</summary>
    public static ProblemHttpResult NotFound(string type, string id) =>
        Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, "Not found", $"{type}/{id} is not known.");

    public static ProblemHttpResult UnknownType(string type) => Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported,
        "Unknown resource type", $"This server has no {type} resources; /fhir/metadata lists the ones it has.");

    public static ProblemHttpResult Conflict(string title, string detail) => Problem(StatusCodes.Status409Conflict, OperationOutcome.IssueType.Conflict, title, detail);

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        Problem(StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.Conflict, "The resource has changed", detail);

    /// <summary>Well-formed FHIR that a business rule refuses.</summary>
    public static ProblemHttpResult Unprocessable(string title, string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.BusinessRule, title, detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, "Forbidden", detail);

    /// <summary>Validation errors of the domain (field → messages), as one 422 listing each.</summary>
    public static ProblemHttpResult Unprocessable(IDictionary<string, string[]> errors) => Unprocessable(
        "The resource breaks a rule",
        string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));

    /// <summary>A REST refusal turned FHIR: its status and words kept, the issue type chosen by status.</summary>
    public static ProblemHttpResult From(ProblemDetails problem) => Problem(
        problem.Status ?? StatusCodes.Status400BadRequest, IssueTypeFor(problem.Status), problem.Title ?? "Refused", problem.Detail ?? problem.Title ?? "");

    public static OperationOutcome.IssueType IssueTypeFor(int? status) => status switch
    {
        401 => OperationOutcome.IssueType.Login,
        403 => OperationOutcome.IssueType.Forbidden,
        404 or 410 => OperationOutcome.IssueType.NotFound,
        405 or 415 => OperationOutcome.IssueType.NotSupported,
        409 or 412 => OperationOutcome.IssueType.Conflict,
        422 => OperationOutcome.IssueType.BusinessRule,
        429 => OperationOutcome.IssueType.Throttled,
        >= 500 => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Invalid,
    };

    private static ProblemHttpResult Problem(int status, OperationOutcome.IssueType type, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { [IssueTypeKey] = type.ToString() });
}
