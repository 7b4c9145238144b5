using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MedMassage.Fhir;

/// <summary>
/// On <c>/fhir</c> routes every ProblemDetails (refusals, 401/403 challenges, 404/405 of the router, unreadable
/// bodies, validation problems) is written as an OperationOutcome, so a FHIR client always gets FHIR back.
/// </summary>
public sealed class OperationOutcomeWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => IsFhir(context.HttpContext.Request);

    public static bool IsFhir(HttpRequest request) => request.Path.StartsWithSegments("/fhir");

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        http.Response.ContentType = FhirJson.ContentType + "; charset=utf-8";
        await http.Response.WriteAsync(FhirJson.Serialize(ToOutcome(problem, status)), http.RequestAborted);
    }

    public static OperationOutcome ToOutcome(ProblemDetails problem, int status)
    {
        var type = problem.Extensions.TryGetValue(FhirProblems.IssueTypeKey, out var named)
            && Enum.TryParse<OperationOutcome.IssueType>(named?.ToString(), out var parsed)
                ? parsed
                : FhirProblems.IssueTypeFor(status);
        var outcome = new OperationOutcome();
        outcome.Issue.Add(Issue(type, Describe(problem)));
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                outcome.Issue.AddRange(messages.Select(m => Issue(OperationOutcome.IssueType.Invalid, $"{field}: {m}", field)));
            }
        }
        return outcome;
    }

    private static string Describe(ProblemDetails problem) =>
        problem.Detail is { Length: > 0 } detail && detail != problem.Title ? $"{problem.Title}: {detail}" : problem.Title ?? "Refused";

    private static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueType type, string text, string? expression = null)
    {
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = type,
            Diagnostics = text,
        };
        if (expression is not null)
        {
            issue.Expression = [expression];
        }
        return issue;
    }
}
